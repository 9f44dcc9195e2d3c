namespace Orchestrator.Api.Http.Contracts;

/// <summary>
/// One resource in full: the fields of its <see cref="ResourceSummary"/> (with <c>replicas</c> the replicas
/// themselves instead of their count), its environment (secrets masked) and its healing.
/// </summary>
public sealed record ResourceDetail(
    string Name,
    string Type,
    string State,
    string? Health,
    IReadOnlyList<ReplicaDetail> Replicas,
    int HealthyReplicas,
    int RestartCount,
    string? CircuitState,
    bool Quarantined,
    string? QuarantineReason,
    IReadOnlyList<string> Urls,
    IReadOnlyList<string> Dependencies,
    bool External,
    int? Phase,
    IReadOnlyList<EnvironmentEntry> Environment,
    HealingSummary Healing);
