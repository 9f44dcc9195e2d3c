using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Balancing;

/// <summary>
/// One resource's replicas as of a set of snapshots: the eligible ones and each strategy's state. It
/// stays valid while the notification service holds the very same snapshot objects and no replica was
/// added; any publish replaces a snapshot, so the balancer notices with a few lookups and no event lag.
/// </summary>
internal sealed class ReplicaPool
{
    private readonly ResourceSnapshot[] _snapshots;
    private readonly string _nextReplicaName;
    private readonly object?[] _strategyStates = new object?[Enum.GetValues<BalancingStrategy>().Length];

    private ReplicaPool(string resource, ResourceSnapshot[] snapshots, BalancedReplica[] eligible, BalancingResult? noneAvailable)
    {
        Resource = resource;
        _snapshots = snapshots;
        Eligible = eligible;
        NoneAvailable = noneAvailable;
        var nextIndex = snapshots.Length == 0 ? 0 : snapshots.Max(s => s.ReplicaIndex) + 1;
        _nextReplicaName = $"{resource}-{nextIndex}";
    }

    public string Resource { get; }

    /// <summary>The replicas that may be picked, in replica order; empty when none may.</summary>
    public BalancedReplica[] Eligible { get; }

    /// <summary>The answer when <see cref="Eligible"/> is empty, with every replica's reason.</summary>
    public BalancingResult? NoneAvailable { get; }

    public static ReplicaPool Create(string resource, IReadOnlyList<ResourceSnapshot> snapshots, IReadOnlyList<IReplicaWeightSource> weights)
    {
        var eligible = new List<BalancedReplica>(snapshots.Count);
        var reasons = new List<string>();
        foreach (var snapshot in snapshots)
        {
            var url = ReplicaEligibility.GetUrl(snapshot);
            if (!ReplicaEligibility.IsEligible(snapshot, out var reason) || url is null)
            {
                reasons.Add($"{snapshot.ReplicaName} {reason ?? "has no endpoint"}");
                continue;
            }

            eligible.Add(new BalancedReplica(resource, snapshot.ReplicaName, url, GetWeight(snapshot, weights)));
        }

        var none = eligible.Count > 0 ? null : new BalancingResult(BalancingStatus.NoneAvailable, Endpoint: null,
            $"No replica of '{resource}' can take traffic: {string.Join("; ", reasons)}.");
        return new ReplicaPool(resource, [.. snapshots], [.. eligible], none);
    }

    /// <summary>True while every snapshot this pool was made from is still the current one and no replica was added.</summary>
    public bool IsCurrent(ResourceNotificationService notifications)
    {
        foreach (var snapshot in _snapshots)
        {
            if (!ReferenceEquals(notifications.GetSnapshot(snapshot.ReplicaName), snapshot))
            {
                return false;
            }
        }

        return notifications.GetSnapshot(_nextReplicaName) is not { } added || added.ResourceName != Resource;
    }

    /// <summary>A strategy's state for this pool, made on first use; it lives and dies with the pool.</summary>
    public T GetState<T>(BalancingStrategy strategy, Func<ReplicaPool, T> create) where T : class
    {
        ref var slot = ref _strategyStates[(int)strategy];
        if (Volatile.Read(ref slot) is T state)
        {
            return state;
        }

        Interlocked.CompareExchange(ref slot, create(this), null);
        return (T)slot!;
    }

    private static int GetWeight(ResourceSnapshot snapshot, IReadOnlyList<IReplicaWeightSource> weights)
    {
        foreach (var source in weights)
        {
            if (source.GetWeight(snapshot) is { } weight)
            {
                return Math.Max(weight, BalancingDefaults.Weight);
            }
        }

        return BalancingDefaults.Weight;
    }
}
