namespace Orchestrator.Api.Events;

/// <summary>A replica exhausted its ladder and is left alone until released (<c>resource.quarantined</c>).</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Replica">The replica.</param>
/// <param name="Attempts">The failures that led here.</param>
/// <param name="Reason">Why.</param>
public sealed record Quarantined(DateTimeOffset Timestamp, string? Resource, string? Replica, int Attempts, string Reason)
    : OrchestratorEvent(Timestamp, Resource, Replica);
