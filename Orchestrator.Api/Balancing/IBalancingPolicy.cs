using System.Net;

namespace Orchestrator.Api.Balancing;

/// <summary>One strategy: picks among a pool's eligible replicas (there is at least one). Keeps its state in the pool.</summary>
internal interface IBalancingPolicy
{
    BalancingStrategy Strategy { get; }

    BalancedReplica Pick(ReplicaPool pool, IPAddress? caller);
}
