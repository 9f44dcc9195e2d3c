namespace Orchestrator.Api.Events;

/// <summary>A dependency is restarted before the resource that failed (<c>restart.dependency</c>).</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Replica">The replica.</param>
/// <param name="Dependency">The dependency being restarted.</param>
public sealed record DependencyRestartStarted(DateTimeOffset Timestamp, string? Resource, string? Replica, string Dependency)
    : OrchestratorEvent(Timestamp, Resource, Replica);
