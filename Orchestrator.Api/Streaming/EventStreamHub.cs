using System.Collections.Immutable;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Events;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Streaming;

/// <summary>
/// Fans the orchestrator's events, replica changes, usage and logs out to every WebSocket client.
/// Each message is serialized once and offered to each client's bounded queue; offering never waits,
/// so a client that falls behind is closed (1008) and dropped while the others and the orchestrator
/// go on. Snapshots and events reach each client in the order they were published (see
/// <see cref="SnapshotEventFeed"/>). It starts listening with its first client and stops when disposed,
/// closing every client.
/// </summary>
public sealed partial class EventStreamHub : IAsyncDisposable
{
    private readonly EventStream _events;
    private readonly ResourceNotificationService _notifications;
    private readonly IReplicaLogSource _logs;
    private readonly StreamStateReader _state;
    private readonly EventStreamingOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EventStreamHub> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ResourceSnapshot> _lastSent = new(StringComparer.Ordinal);
    private ImmutableArray<StreamClient> _clients = [];
    private Task _pumps = Task.CompletedTask;
    private bool _started;
    private long _nextClientId;
    private long _slowClientsDropped;
    private long _messagesOffered;

    internal EventStreamHub(
        EventStream events,
        ResourceNotificationService notifications,
        IReplicaLogSource logs,
        StreamStateReader state,
        EventStreamingOptions options,
        TimeProvider timeProvider,
        ILogger<EventStreamHub> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _events = events;
        _notifications = notifications;
        _logs = logs;
        _state = state;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>How many clients are connected now.</summary>
    public int ClientCount => _clients.Length;

    /// <summary>How many clients were closed because they fell behind.</summary>
    public long SlowClientsDropped => Interlocked.Read(ref _slowClientsDropped);

    /// <summary>How many messages were handed to clients' queues.</summary>
    public long MessagesOffered => Interlocked.Read(ref _messagesOffered);

    /// <summary>Serves one accepted socket until it closes, the client falls behind, or <paramref name="stopping"/> (the host's shutdown) fires.</summary>
    public async Task ServeAsync(WebSocket socket, StreamFilter filter, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(filter);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _stopping.Token);
        if (linked.IsCancellationRequested)
        {
            // Accepted while shutting down: say so rather than serve a stream that is ending.
            using var closing = new CancellationTokenSource(_options.CloseTimeout);
            await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "orchestrator shutting down", closing.Token).ConfigureAwait(false);
            return;
        }

        using var client = Connect(filter);
        LogConnected(client.Id, ClientCount);
        try
        {
            await new StreamSession(socket, client, Execute, _options, _logger).RunAsync(linked.Token).ConfigureAwait(false);
        }
        finally
        {
            Disconnect(client);
            LogDisconnected(client.Id, client.Queue.HasOverflowed ? "fell behind" : "closed", ClientCount);
        }
    }

    /// <summary>Closes every client (1001) and stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task pumps;
        lock (_gate)
        {
            pumps = _pumps;
        }

        try
        {
            await pumps.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    internal StreamClient Connect(StreamFilter filter)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            EnsureStarted();
            var client = new StreamClient(++_nextClientId, filter, _options.SendQueueCapacity, _logs, OnFellBehind);
            // The snapshot is queued before the client is visible to the pumps, so it is always the first message.
            client.Send(StreamFrames.Snapshot(new SnapshotMessage(_state.Now, _state.GetResources(filter))));
            _clients = _clients.Add(client);
            return client;
        }
    }

    internal void Disconnect(StreamClient client)
    {
        lock (_gate)
        {
            _clients = _clients.Remove(client);
        }

        client.Dispose();
    }

    // Runs on the client's receive loop.
    internal string? Execute(StreamClient client, ClientCommand command)
    {
        var replicas = _state.GetReplicas(command.Resource);
        if (replicas.Count == 0)
        {
            return $"Unknown resource '{command.Resource}'.";
        }

        if (command.Replica is not null && replicas.All(r => r.ReplicaName != command.Replica))
        {
            return $"Resource '{command.Resource}' has no replica '{command.Replica}'; it has {string.Join(", ", replicas.Select(r => r.ReplicaName))}.";
        }

        if (command.Action == ClientCommand.SubscribeLogs)
        {
            client.FollowLogs(command.Resource, replicas.Where(r => command.Replica is null || r.ReplicaName == command.Replica), wholeResource: command.Replica is null);
        }
        else
        {
            client.UnfollowLogs(command.Resource, command.Replica);
        }

        return null;
    }

    private void EnsureStarted()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        var stopping = _stopping.Token;
        // Subscribed here, under the lock, so that nothing published after the first snapshot is missed.
        var feed = new SnapshotEventFeed(_notifications, _events, _timeProvider, stopping);
        foreach (var snapshot in feed.Initial)
        {
            _lastSent[snapshot.ReplicaName] = snapshot with { Version = 0 };
        }

        var usageTimer = new PeriodicTimer(_options.UsageInterval, _timeProvider);
        _pumps = Task.WhenAll(
            Task.Run(() => feed.RunAsync(
                snapshot => Guard(() => OnSnapshot(snapshot), "replica snapshot"),
                orchestratorEvent => Guard(() => Broadcast(StreamFrames.Event(orchestratorEvent)), "event")), CancellationToken.None),
            Task.Run(() => PumpUsageAsync(usageTimer, stopping), CancellationToken.None));
    }

    // The timer is made before the task runs, so that the interval counts from the first client.
    private async Task PumpUsageAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        using var _ = timer;
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
        {
            Guard(BroadcastUsage, "usage");
        }
    }

    private void OnSnapshot(ResourceSnapshot snapshot)
    {
        // A snapshot that differs from the last one sent only by its version says nothing new.
        var comparable = snapshot with { Version = 0 };
        var seen = _lastSent.TryGetValue(snapshot.ReplicaName, out var last);
        var changed = !seen || last != comparable;
        _lastSent[snapshot.ReplicaName] = comparable;
        var stateChange = StateChange(snapshot, seen ? last!.State : null);
        var frame = changed ? StreamFrames.Replica(_state.GetReplica(snapshot)) : null;
        foreach (var client in _clients)
        {
            if (stateChange is not null)
            {
                Offer(client, stateChange);
            }

            if (frame is not null)
            {
                Offer(client, frame);
            }

            client.OnSnapshot(snapshot);
        }
    }

    // Only the healer publishes state events (Waiting, with what it waits for), so the stream makes the
    // others from the snapshots; Waiting is left to the healer, so that it is not announced twice.
    private StreamFrame? StateChange(ResourceSnapshot snapshot, KnownResourceState? previous) =>
        snapshot.State == previous || snapshot.State == KnownResourceState.Waiting
            ? null
            : StreamFrames.Event(new ResourceStateChanged(
                _timeProvider.GetUtcNow(), snapshot.ResourceName, snapshot.ReplicaName, snapshot.State, previous, snapshot.StateReason));

    private void BroadcastUsage()
    {
        var clients = _clients.Where(c => c.Filter.AcceptsType(StreamMessageTypes.Usage)).ToList();
        if (clients.Count == 0)
        {
            return;
        }

        // Every client without a resource filter shares one frame; a filtered client gets its own.
        var shared = new Lazy<StreamFrame>(() => StreamFrames.Usage(_state.GetUsage(StreamFilter.All)));
        foreach (var client in clients)
        {
            var frame = client.Filter.Resources.IsEmpty ? shared.Value : StreamFrames.Usage(_state.GetUsage(client.Filter));
            Interlocked.Increment(ref _messagesOffered);
            client.Send(frame);
        }
    }

    private void Broadcast(StreamFrame frame)
    {
        foreach (var client in _clients)
        {
            Offer(client, frame);
        }
    }

    private void Offer(StreamClient client, StreamFrame frame)
    {
        if (client.Filter.Accepts(frame.Type, frame.Resource))
        {
            Interlocked.Increment(ref _messagesOffered);
            client.Send(frame);
        }
    }

    private void OnFellBehind(StreamClient client)
    {
        Interlocked.Increment(ref _slowClientsDropped);
        LogFellBehind(client.Id, client.Queue.Capacity);
    }

    private void Guard(Action action, string what)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            // One message that cannot be shaped must not end the stream for everyone.
            LogPumpFailed(ex, what);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stream client {Client} connected ({Count} now)")]
    private partial void LogConnected(long client, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stream client {Client} left: {Reason} ({Count} now)")]
    private partial void LogDisconnected(long client, string reason, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream client {Client} fell {Capacity} messages behind; closing it (1008, too slow)")]
    private partial void LogFellBehind(long client, int capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not stream a {What}; the stream goes on without it")]
    private partial void LogPumpFailed(Exception exception, string what);
}
