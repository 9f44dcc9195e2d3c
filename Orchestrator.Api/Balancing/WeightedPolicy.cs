using System.Net;

namespace Orchestrator.Api.Balancing;

/// <summary>
/// Smooth weighted round-robin (nginx's): over every run of total-weight picks each replica gets exactly
/// its weight, interleaved (5,1,1 gives a a b a c a a, not a a a a a b c).
/// </summary>
internal sealed class WeightedPolicy : IBalancingPolicy
{
    public BalancingStrategy Strategy => BalancingStrategy.Weighted;

    public BalancedReplica Pick(ReplicaPool pool, IPAddress? caller)
    {
        var eligible = pool.Eligible;
        return eligible.Length == 1 ? eligible[0] : eligible[pool.GetState(Strategy, static p => new SmoothWeights(p.Eligible)).Next()];
    }

    private sealed class SmoothWeights
    {
        private readonly int[] _weights;
        private readonly long[] _current;
        private readonly long _total;
        private readonly Lock _gate = new();

        public SmoothWeights(BalancedReplica[] replicas)
        {
            _weights = [.. replicas.Select(r => r.Weight)];
            _current = new long[replicas.Length];
            _total = _weights.Sum(w => (long)w);
        }

        public int Next()
        {
            lock (_gate)
            {
                var best = 0;
                for (var i = 0; i < _weights.Length; i++)
                {
                    _current[i] += _weights[i];
                    if (_current[i] > _current[best])
                    {
                        best = i;
                    }
                }

                _current[best] -= _total;
                return best;
            }
        }
    }
}
