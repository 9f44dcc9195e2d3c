using System.Net;

namespace Orchestrator.Api.Balancing;

/// <summary>
/// The eligible replica with the fewest established connections on its port. Ties go round-robin, so
/// that replicas the counter cannot see (on another host) still share the load.
/// </summary>
internal sealed class LeastConnectionsPolicy(IConnectionCounter connections) : IBalancingPolicy
{
    public BalancingStrategy Strategy => BalancingStrategy.LeastConnections;

    public BalancedReplica Pick(ReplicaPool pool, IPAddress? caller)
    {
        var eligible = pool.Eligible;
        var start = pool.GetState(Strategy, static _ => new PickCounter()).Next(eligible.Length);
        var best = eligible[start];
        var fewest = best.GetConnections(connections);
        for (var step = 1; step < eligible.Length && fewest > 0; step++)
        {
            var candidate = eligible[(start + step) % eligible.Length];
            var count = candidate.GetConnections(connections);
            if (count < fewest)
            {
                best = candidate;
                fewest = count;
            }
        }

        return best;
    }
}
