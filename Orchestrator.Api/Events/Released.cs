namespace Orchestrator.Api.Events;

/// <summary>A user released a replica from quarantine; its ladder starts over (<c>resource.released</c>).</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Replica">The replica.</param>
/// <param name="By">Who released it, when known.</param>
public sealed record Released(DateTimeOffset Timestamp, string? Resource, string? Replica, string? By = null)
    : OrchestratorEvent(Timestamp, Resource, Replica);
