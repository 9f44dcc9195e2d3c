using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Events;

/// <summary>A scheduled restart began (<c>restart.started</c>).</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Replica">The replica.</param>
/// <param name="Attempt">The attempt on the ladder, from 1.</param>
/// <param name="Action">What the restart does.</param>
public sealed record RestartStarted(DateTimeOffset Timestamp, string? Resource, string? Replica, int Attempt, RestartAction Action)
    : OrchestratorEvent(Timestamp, Resource, Replica);
