using System.Collections.Concurrent;
using System.Net;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Balancing;

/// <summary>
/// Picks replicas from the snapshots in <see cref="ResourceNotificationService"/>. Each resource's
/// eligible replicas are cached in a <see cref="ReplicaPool"/> that is rebuilt as soon as one of its
/// snapshots is replaced, so a pick costs a few dictionary lookups and allocates nothing, and never
/// returns a replica whose latest snapshot says it may not take traffic.
/// </summary>
public sealed class LoadBalancer : ILoadBalancer
{
    private readonly ResourceNotificationService _notifications;
    private readonly IReplicaWeightSource[] _weights;
    private readonly IBalancingPolicy[] _policies;
    private readonly ConcurrentDictionary<string, ReplicaPool> _pools = new(StringComparer.Ordinal);

    /// <summary>Creates a balancer over the current snapshots.</summary>
    /// <param name="notifications">Where the replicas' snapshots are.</param>
    /// <param name="connections">Established connection counts (least-connections, power-of-two).</param>
    /// <param name="weights">Who knows replica weights, asked in order; replicas nobody knows weigh 1.</param>
    /// <param name="random">The randomness of power-of-two; <see cref="Random.Shared"/> by default (it must be thread-safe).</param>
    public LoadBalancer(ResourceNotificationService notifications, IConnectionCounter connections, IEnumerable<IReplicaWeightSource> weights, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(weights);
        _notifications = notifications;
        _weights = [.. weights];
        IBalancingPolicy[] policies =
        [
            new PowerOfTwoChoicesPolicy(connections, random ?? Random.Shared),
            new RoundRobinPolicy(),
            new LeastConnectionsPolicy(connections),
            new WeightedPolicy(),
            new IpHashPolicy(),
        ];
        _policies = new IBalancingPolicy[policies.Length];
        foreach (var policy in policies)
        {
            _policies[(int)policy.Strategy] = policy;
        }
    }

    /// <inheritdoc />
    public BalancingResult Pick(string resource, BalancingStrategy strategy, IPAddress? caller)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if ((uint)strategy >= (uint)_policies.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown balancing strategy.");
        }

        if (GetPool(resource) is not { } pool)
        {
            return new BalancingResult(BalancingStatus.UnknownResource, Endpoint: null, $"There is no resource '{resource}'.");
        }

        return pool.NoneAvailable ?? _policies[(int)strategy].Pick(pool, caller).GetResult(strategy);
    }

    private ReplicaPool? GetPool(string resource)
    {
        if (_pools.TryGetValue(resource, out var cached) && cached.IsCurrent(_notifications))
        {
            return cached;
        }

        var snapshots = _notifications.GetSnapshots(resource);
        if (snapshots.Count == 0)
        {
            // Unknown names are not cached: a caller cannot grow the cache by asking for made-up ones.
            _pools.TryRemove(resource, out _);
            return null;
        }

        var pool = ReplicaPool.Create(resource, snapshots, _weights);
        _pools[resource] = pool;
        return pool;
    }
}
