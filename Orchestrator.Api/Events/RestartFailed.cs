namespace Orchestrator.Api.Events;

/// <summary>A restart did not bring the replica up (<c>restart.failed</c>).</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Replica">The replica.</param>
/// <param name="Attempt">The attempt on the ladder, from 1.</param>
/// <param name="Reason">What went wrong.</param>
public sealed record RestartFailed(DateTimeOffset Timestamp, string? Resource, string? Replica, int Attempt, string Reason)
    : OrchestratorEvent(Timestamp, Resource, Replica);
