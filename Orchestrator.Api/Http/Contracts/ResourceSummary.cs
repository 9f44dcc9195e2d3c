namespace Orchestrator.Api.Http.Contracts;

/// <summary>One resource as lists show it; <c>state</c> is its worst replica state.</summary>
public sealed record ResourceSummary(
    string Name,
    string Type,
    string State,
    string? Health,
    int Replicas,
    int HealthyReplicas,
    int RestartCount,
    string? CircuitState,
    bool Quarantined,
    string? QuarantineReason,
    IReadOnlyList<string> Urls,
    IReadOnlyList<string> Dependencies,
    bool External,
    int? Phase);
