using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Events;

/// <summary>A replica moved to another state (<c>resource.state</c>).</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Replica">The replica.</param>
/// <param name="State">The new state.</param>
/// <param name="Previous">The state before, if there was one.</param>
/// <param name="Reason">Why, when the state alone does not say.</param>
public sealed record ResourceStateChanged(
    DateTimeOffset Timestamp, string? Resource, string? Replica, KnownResourceState State, KnownResourceState? Previous = null, string? Reason = null)
    : OrchestratorEvent(Timestamp, Resource, Replica);
