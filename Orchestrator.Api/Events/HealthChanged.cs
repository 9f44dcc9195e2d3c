using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Events;

/// <summary>A replica's health changed (<c>resource.health</c>).</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Replica">The replica.</param>
/// <param name="Health">The new health; null when it is unknown again (no probe yet).</param>
/// <param name="Previous">The health before.</param>
/// <param name="Description">What the probe said.</param>
public sealed record HealthChanged(
    DateTimeOffset Timestamp, string? Resource, string? Replica, HealthStatus? Health, HealthStatus? Previous = null, string? Description = null)
    : OrchestratorEvent(Timestamp, Resource, Replica);
