using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Events;

/// <summary>A restart was scheduled (<c>restart.scheduled</c>).</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Replica">The replica.</param>
/// <param name="Attempt">The attempt on the ladder, from 1.</param>
/// <param name="Tier">The tier, from 1.</param>
/// <param name="Action">What the tier does.</param>
/// <param name="Delay">How long until the restart.</param>
public sealed record RestartScheduled(
    DateTimeOffset Timestamp, string? Resource, string? Replica, int Attempt, int Tier, RestartAction Action, TimeSpan Delay)
    : OrchestratorEvent(Timestamp, Resource, Replica);
