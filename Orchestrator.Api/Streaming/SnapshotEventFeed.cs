using System.Runtime.CompilerServices;
using Orchestrator.Api.Events;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Streaming;

/// <summary>
/// The orchestrator's replica snapshots and its events read as one sequence, in the order they were
/// published: the healer reacts to a snapshot (an exit) with events (<c>failure.detected</c>,
/// <c>restart.scheduled</c>) and then restarts the replica (new snapshots), so a stream that read the
/// two apart could say "restart scheduled" before "exited", or "running" before "restart scheduled".
/// Each event is stamped, when it is published, with the versions of its replicas' snapshots stored by
/// then; a snapshot of one of them goes before the event when its version is not newer than the stamp.
/// </summary>
internal sealed class SnapshotEventFeed
{
    // A snapshot is stored before its watchers hear of it, so one that an event's stamp counts but that
    // was not read yet is on its way; it is waited for this long at most, in case a full watcher dropped it.
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(1);

    private readonly ResourceNotificationService _notifications;
    private readonly TimeProvider _timeProvider;
    private readonly EventSubscription _subscription;
    private readonly IAsyncEnumerator<ResourceSnapshot> _snapshots;
    private readonly IAsyncEnumerator<OrchestratorEvent> _events;
    private readonly ConditionalWeakTable<OrchestratorEvent, Dictionary<string, long>> _stamps = [];
    private readonly Dictionary<string, long> _versionsRead = new(StringComparer.Ordinal);
    private Task<bool>? _nextSnapshot;
    private Task<bool>? _nextEvent;
    private OrchestratorEvent? _waitedFor;
    private long _eventsPublished;
    private long _eventsTaken;

    /// <summary>Subscribes to both at once: nothing published from now on is missed.</summary>
    public SnapshotEventFeed(ResourceNotificationService notifications, EventStream events, TimeProvider timeProvider, CancellationToken stopping)
    {
        _notifications = notifications;
        _timeProvider = timeProvider;
        _subscription = events.Subscribe(Stamp);
        _events = _subscription.GetAsyncEnumerator(stopping);
        _snapshots = notifications.WatchAsync(stopping).GetAsyncEnumerator(stopping);
        // The first move registers the watcher before it returns; the snapshots read after it are the starting point.
        _nextSnapshot = _snapshots.MoveNextAsync().AsTask();
        _nextEvent = _events.MoveNextAsync().AsTask();
        Initial = notifications.GetSnapshots();
        foreach (var snapshot in Initial)
        {
            _versionsRead[snapshot.ReplicaName] = snapshot.Version;
        }
    }

    /// <summary>Every replica's snapshot when the feed subscribed.</summary>
    public IReadOnlyList<ResourceSnapshot> Initial { get; }

    /// <summary>Hands each snapshot and event on, one at a time, until <c>stopping</c> (given at construction) fires.</summary>
    public async Task RunAsync(Action<ResourceSnapshot> onSnapshot, Action<OrchestratorEvent> onEvent)
    {
        ArgumentNullException.ThrowIfNull(onSnapshot);
        ArgumentNullException.ThrowIfNull(onEvent);
        try
        {
            while (_nextSnapshot is not null || _nextEvent is not null)
            {
                await Task.WhenAny(Pending()).ConfigureAwait(false);
                var (snapshot, snapshotsEnded) = await ReadyAsync(_nextSnapshot, _snapshots).ConfigureAwait(false);
                var (orchestratorEvent, eventsEnded) = await ReadyAsync(_nextEvent, _events).ConfigureAwait(false);
                _nextSnapshot = snapshotsEnded ? null : _nextSnapshot;
                _nextEvent = eventsEnded ? null : _nextEvent;
                if (snapshot is not null && orchestratorEvent is null && EventInFlight())
                {
                    await WaitForEventAsync().ConfigureAwait(false);
                }
                else if (snapshot is not null && (orchestratorEvent is null || PublishedBefore(snapshot, orchestratorEvent)))
                {
                    _nextSnapshot = _snapshots.MoveNextAsync().AsTask();
                    _versionsRead[snapshot.ReplicaName] = snapshot.Version;
                    onSnapshot(snapshot);
                }
                else if (orchestratorEvent is not null && snapshot is null && AwaitsSnapshot(orchestratorEvent))
                {
                    await WaitForSnapshotAsync(orchestratorEvent).ConfigureAwait(false);
                }
                else if (orchestratorEvent is not null)
                {
                    _nextEvent = _events.MoveNextAsync().AsTask();
                    _eventsTaken++;
                    onEvent(orchestratorEvent);
                }
            }
        }
        finally
        {
            // An enumerator may only be disposed once its last move is over (they end when stopping fires).
            await Task.WhenAll(Pending()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await _snapshots.DisposeAsync().ConfigureAwait(false);
            await _events.DisposeAsync().ConfigureAwait(false);
            _subscription.Dispose();
        }
    }

    // Runs as the event is published (the stream runs its subscribers' filters then): which snapshots were stored by that moment.
    private bool Stamp(OrchestratorEvent orchestratorEvent)
    {
        IReadOnlyList<ResourceSnapshot> replicas = orchestratorEvent.Replica is { } replica
            ? _notifications.GetSnapshot(replica) is { } snapshot ? [snapshot] : []
            : orchestratorEvent.Resource is { } resource ? _notifications.GetSnapshots(resource) : [];
        if (replicas.Count > 0)
        {
            _stamps.AddOrUpdate(orchestratorEvent, replicas.ToDictionary(s => s.ReplicaName, s => s.Version, StringComparer.Ordinal));
        }

        Interlocked.Increment(ref _eventsPublished);
        return true;
    }

    // A snapshot of a replica the event does not concern keeps its head start: causes come before effects.
    private bool PublishedBefore(ResourceSnapshot snapshot, OrchestratorEvent orchestratorEvent) =>
        !_stamps.TryGetValue(orchestratorEvent, out var stamp)
        || !stamp.TryGetValue(snapshot.ReplicaName, out var version)
        || snapshot.Version <= version;

    // A replica removed and published again starts its versions over: then its stamp never counts as unread.
    private bool AwaitsSnapshot(OrchestratorEvent orchestratorEvent) =>
        _nextSnapshot is not null
        && !ReferenceEquals(orchestratorEvent, _waitedFor)
        && _stamps.TryGetValue(orchestratorEvent, out var stamp)
        && stamp.Any(s => s.Value > _versionsRead.GetValueOrDefault(s.Key));

    private async Task WaitForSnapshotAsync(OrchestratorEvent orchestratorEvent)
    {
        var expired = Task.Delay(CatchUpLimit, _timeProvider);
        if (await Task.WhenAny(_nextSnapshot!, expired).ConfigureAwait(false) == expired)
        {
            _waitedFor = orchestratorEvent;
        }
    }

    // An event is published (and stamped) before it can be read: until it can, no snapshot can tell whether it goes first.
    private bool EventInFlight() =>
        _nextEvent is not null && Interlocked.Read(ref _eventsPublished) - _eventsTaken - _subscription.Dropped > 0;

    private async Task WaitForEventAsync()
    {
        var expired = Task.Delay(CatchUpLimit, _timeProvider);
        if (await Task.WhenAny(_nextEvent!, expired).ConfigureAwait(false) == expired)
        {
            // Never seen on the way: count it as lost rather than hold every snapshot back.
            _eventsTaken = Interlocked.Read(ref _eventsPublished) - _subscription.Dropped;
        }
    }

    // What a finished move brought (null while it runs); a move that found the end says so.
    private static async Task<(T? Item, bool Ended)> ReadyAsync<T>(Task<bool>? next, IAsyncEnumerator<T> source)
        where T : class
    {
        if (next is not { IsCompleted: true })
        {
            return (null, false);
        }

        return await next.ConfigureAwait(false) ? (source.Current, false) : (null, true);
    }

    private IEnumerable<Task> Pending()
    {
        if (_nextSnapshot is not null)
        {
            yield return _nextSnapshot;
        }

        if (_nextEvent is not null)
        {
            yield return _nextEvent;
        }
    }
}
