namespace Orchestrator.Api.Events;

/// <summary>A restarted replica stayed up and healthy for its minimum uptime (<c>restart.succeeded</c>).</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Replica">The replica.</param>
/// <param name="Attempt">The attempt on the ladder, from 1.</param>
public sealed record RestartSucceeded(DateTimeOffset Timestamp, string? Resource, string? Replica, int Attempt)
    : OrchestratorEvent(Timestamp, Resource, Replica);
