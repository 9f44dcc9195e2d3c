using System.Net;

namespace Orchestrator.Api.Balancing;

/// <summary>
/// Two distinct eligible replicas at random, the one with fewer established connections (the first on a
/// tie). Nearly as even as least-connections, without every caller piling onto the same "least" replica
/// between two reads of the connection table.
/// </summary>
internal sealed class PowerOfTwoChoicesPolicy(IConnectionCounter connections, Random random) : IBalancingPolicy
{
    public BalancingStrategy Strategy => BalancingStrategy.PowerOfTwo;

    public BalancedReplica Pick(ReplicaPool pool, IPAddress? caller)
    {
        var eligible = pool.Eligible;
        if (eligible.Length == 1)
        {
            return eligible[0];
        }

        var first = random.Next(eligible.Length);
        var second = random.Next(eligible.Length - 1);
        if (second >= first)
        {
            second++;
        }

        var a = eligible[first];
        var b = eligible[second];
        return b.GetConnections(connections) < a.GetConnections(connections) ? b : a;
    }
}
