using System.Collections.Immutable;

namespace Orchestrator.Api.Healing;

/// <summary>One resource's healing, as the API and load balancing read it.</summary>
/// <param name="Resource">The resource.</param>
/// <param name="Circuit">The state of its restart circuit.</param>
/// <param name="Replicas">Its replicas' healing, by index.</param>
public sealed record ResourceHealingStatus(string Resource, BreakerState Circuit, ImmutableArray<ReplicaHealingStatus> Replicas)
{
    /// <summary>While the circuit is open, when the break ends and one restart may try again.</summary>
    public DateTimeOffset? CircuitOpenUntil { get; init; }

    /// <summary>True when any replica is quarantined.</summary>
    public bool IsQuarantined => Replicas.Any(r => r.Phase == ReplicaHealingPhase.Quarantined);

    /// <summary>
    /// True when load balancing must leave the whole resource out: its restart circuit is not closed,
    /// so its replicas keep failing. (A quarantined replica is out on its own, by its state.)
    /// </summary>
    public bool IsOutOfRotation => Circuit != BreakerState.Closed;
}
