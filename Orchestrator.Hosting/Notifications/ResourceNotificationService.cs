using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Hosting.Notifications;

/// <summary>
/// The one place that holds every replica's current <see cref="ResourceSnapshot"/> and tells
/// watchers about each new one. The launcher, the health monitor, the API and telemetry all read it.
/// </summary>
public sealed class ResourceNotificationService(ILogger<ResourceNotificationService> logger)
{
    // Watchers that fall this far behind lose the oldest snapshots, never block a publisher.
    private const int WatcherCapacity = 4096;

    private readonly ConcurrentDictionary<string, ResourceSnapshot> _snapshots = new(StringComparer.Ordinal);

    // The same snapshots by resource, so that reading one resource costs its replicas, not the whole
    // system (the API reads every resource's replicas for one status report).
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ResourceSnapshot>> _byResource = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Channel<ResourceSnapshot>, byte> _watchers = new();
    private readonly object _publishLock = new();

    /// <summary>Every replica's current snapshot.</summary>
    public IReadOnlyList<ResourceSnapshot> GetSnapshots() => _snapshots.Values.OrderBy(s => s.ReplicaName, StringComparer.Ordinal).ToList();

    /// <summary>The snapshots of one resource's replicas.</summary>
    public IReadOnlyList<ResourceSnapshot> GetSnapshots(string resourceName) =>
        _byResource.TryGetValue(resourceName, out var replicas) ? replicas.Values.OrderBy(s => s.ReplicaIndex).ToList() : [];

    /// <summary>One replica's snapshot, or null.</summary>
    public ResourceSnapshot? GetSnapshot(string replicaName) => _snapshots.GetValueOrDefault(replicaName);

    /// <summary>Publishes a replica's first snapshot (it replaces any earlier one of that name).</summary>
    public ResourceSnapshot Publish(ResourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return PublishCore(snapshot.ReplicaName, _ => snapshot);
    }

    /// <summary>Publishes a change to a replica's snapshot, made from the current one.</summary>
    /// <exception cref="InvalidOperationException">The replica was never published.</exception>
    public ResourceSnapshot PublishUpdate(string replicaName, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        ArgumentException.ThrowIfNullOrEmpty(replicaName);
        ArgumentNullException.ThrowIfNull(update);
        return PublishCore(replicaName, current => update(current
            ?? throw new InvalidOperationException($"Replica '{replicaName}' has no snapshot to update.")));
    }

    /// <summary>Removes a replica (a resource taken out of the model at run time).</summary>
    public void Remove(string replicaName)
    {
        lock (_publishLock)
        {
            if (_snapshots.TryRemove(replicaName, out var removed) && _byResource.TryGetValue(removed.ResourceName, out var replicas))
            {
                replicas.TryRemove(replicaName, out _);
                if (replicas.IsEmpty)
                {
                    _byResource.TryRemove(removed.ResourceName, out _);
                }
            }
        }
    }

    /// <summary>Every new snapshot from now on, until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = AddWatcher();
        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return snapshot;
            }
        }
        finally
        {
            _watchers.TryRemove(channel, out _);
        }
    }

    /// <summary>Waits until a snapshot of <paramref name="resourceName"/> matches, checking the current state first.</summary>
    public async Task<ResourceSnapshot> WaitForAsync(string resourceName, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        // Subscribe before reading the current state, so that no change falls between the two.
        var channel = AddWatcher();
        try
        {
            if (GetSnapshots(resourceName).FirstOrDefault(predicate) is { } current)
            {
                return current;
            }

            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (snapshot.ResourceName == resourceName && predicate(snapshot))
                {
                    return snapshot;
                }
            }

            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            _watchers.TryRemove(channel, out _);
        }
    }

    private Channel<ResourceSnapshot> AddWatcher()
    {
        var channel = Channel.CreateBounded<ResourceSnapshot>(new BoundedChannelOptions(WatcherCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _watchers.TryAdd(channel, 0);
        return channel;
    }

    private ResourceSnapshot PublishCore(string replicaName, Func<ResourceSnapshot?, ResourceSnapshot> update)
    {
        ResourceSnapshot next;
        // One lock keeps each replica's versions in order for every watcher.
        lock (_publishLock)
        {
            var current = _snapshots.GetValueOrDefault(replicaName);
            next = update(current) with { Version = (current?.Version ?? 0) + 1 };
            _snapshots[replicaName] = next;
            _byResource.GetOrAdd(next.ResourceName, _ => new ConcurrentDictionary<string, ResourceSnapshot>(StringComparer.Ordinal))[replicaName] = next;
            foreach (var watcher in _watchers.Keys)
            {
                watcher.Writer.TryWrite(next);
            }
        }

        logger.LogDebug("{Replica} is {State} ({Health}) {Reason}", next.ReplicaName, next.State, next.Health, next.StateReason);
        return next;
    }
}
