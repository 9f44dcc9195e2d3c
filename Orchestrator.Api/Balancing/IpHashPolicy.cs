using System.Net;

namespace Orchestrator.Api.Balancing;

/// <summary>
/// The same replica for the same caller address, by rendezvous (highest random weight) hashing: each
/// replica scores hash(caller, replica) and the highest wins. When a replica leaves, only the callers
/// it had move; when one comes back, only its share returns to it.
/// </summary>
internal sealed class IpHashPolicy : IBalancingPolicy
{
    public BalancingStrategy Strategy => BalancingStrategy.IpHash;

    public BalancedReplica Pick(ReplicaPool pool, IPAddress? caller)
    {
        var eligible = pool.Eligible;
        var key = ReplicaHash.OfAddress(caller);
        var best = eligible[0];
        var bestScore = ReplicaHash.Mix(key ^ best.HashSeed);
        for (var i = 1; i < eligible.Length; i++)
        {
            var score = ReplicaHash.Mix(key ^ eligible[i].HashSeed);
            if (score > bestScore)
            {
                best = eligible[i];
                bestScore = score;
            }
        }

        return best;
    }
}
