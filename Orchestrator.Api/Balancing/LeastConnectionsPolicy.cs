using System.Net;

namespace Orchestrator.Api.Balancing;

/// <summary>
/// The eligible replica with the fewest established connections on its port. Ties take turns, so that
/// replicas the counter cannot see (on another host) or idle ones still share the load evenly.
/// </summary>
internal sealed class LeastConnectionsPolicy(IConnectionCounter connections) : IBalancingPolicy
{
    // Enough for any resource's replicas on the stack; larger pools fall back to the heap.
    private const int StackLimit = 128;

    public BalancingStrategy Strategy => BalancingStrategy.LeastConnections;

    public BalancedReplica Pick(ReplicaPool pool, IPAddress? caller)
    {
        var eligible = pool.Eligible;
        Span<int> counts = eligible.Length <= StackLimit ? stackalloc int[eligible.Length] : new int[eligible.Length];
        var fewest = int.MaxValue;
        var tied = 0;
        for (var i = 0; i < eligible.Length; i++)
        {
            counts[i] = eligible[i].GetConnections(connections);
            if (counts[i] < fewest)
            {
                fewest = counts[i];
                tied = 1;
            }
            else if (counts[i] == fewest)
            {
                tied++;
            }
        }

        var turn = tied == 1 ? 0 : pool.GetState(Strategy, static _ => new PickCounter()).Next(tied);
        for (var i = 0; i < eligible.Length; i++)
        {
            if (counts[i] == fewest && turn-- == 0)
            {
                return eligible[i];
            }
        }

        throw new InvalidOperationException("Unreachable: one replica has the fewest connections.");
    }
}
