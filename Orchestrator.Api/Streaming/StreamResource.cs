using System.Collections.Immutable;
using Orchestrator.Api.Http.Contracts;

namespace Orchestrator.Api.Streaming;

/// <summary>One resource in the stream's snapshot: the API's resource detail without health history and environment.</summary>
/// <param name="Name">The resource.</param>
/// <param name="Type">Its type (<c>project</c>, <c>executable</c>, <c>postgres</c>, <c>external</c>...).</param>
/// <param name="State">Its worst replica's state, or <c>Quarantined</c>.</param>
/// <param name="Health">Its worst replica's health, once probed.</param>
/// <param name="Replicas">Its replicas.</param>
/// <param name="HealthyReplicas">How many replicas are running and healthy.</param>
/// <param name="RestartCount">Restarts of all its replicas.</param>
/// <param name="CircuitState">Its restart circuit, once known.</param>
/// <param name="Quarantined">True when a replica is quarantined.</param>
/// <param name="QuarantineReason">Why, when quarantined.</param>
/// <param name="Urls">Every replica's endpoints.</param>
/// <param name="Dependencies">The resources it waits for or references.</param>
/// <param name="External">True for a service registered through the API (monitored, never restarted).</param>
/// <param name="Phase">Its launch phase, once planned.</param>
/// <param name="Healing">Where its healing stands, when the healer knows it.</param>
public sealed record StreamResource(
    string Name,
    string Type,
    string State,
    string? Health,
    ImmutableArray<StreamReplica> Replicas,
    int HealthyReplicas,
    int RestartCount,
    string? CircuitState,
    bool Quarantined,
    string? QuarantineReason,
    ImmutableArray<string> Urls,
    ImmutableArray<string> Dependencies,
    bool External,
    int? Phase,
    HealingSummary? Healing);
