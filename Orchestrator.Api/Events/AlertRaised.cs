namespace Orchestrator.Api.Events;

/// <summary>Something needs a person's attention (<c>alert.raised</c>).</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Replica">The replica.</param>
/// <param name="Severity">How urgent.</param>
/// <param name="Message">What happened and what to do.</param>
public sealed record AlertRaised(DateTimeOffset Timestamp, string? Resource, string? Replica, AlertSeverity Severity, string Message)
    : OrchestratorEvent(Timestamp, Resource, Replica);
