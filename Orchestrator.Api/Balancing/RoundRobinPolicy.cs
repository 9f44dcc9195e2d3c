using System.Net;

namespace Orchestrator.Api.Balancing;

/// <summary>Each eligible replica in turn, in replica order.</summary>
internal sealed class RoundRobinPolicy : IBalancingPolicy
{
    public BalancingStrategy Strategy => BalancingStrategy.RoundRobin;

    public BalancedReplica Pick(ReplicaPool pool, IPAddress? caller)
    {
        var eligible = pool.Eligible;
        return eligible[pool.GetState(Strategy, static _ => new PickCounter()).Next(eligible.Length)];
    }
}
