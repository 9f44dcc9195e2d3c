using System.Threading.Channels;

namespace Orchestrator.Api.Events;

/// <summary>
/// One subscriber's view of the <see cref="EventStream"/>: every matching event published since it
/// subscribed, in order, until it is disposed. A subscriber that falls more than its capacity behind
/// loses the oldest events (counted in <see cref="Dropped"/>); publishers never wait for it.
/// Read it once, from one reader.
/// </summary>
public sealed class EventSubscription : IAsyncEnumerable<OrchestratorEvent>, IDisposable
{
    private readonly EventStream _stream;
    private readonly Func<OrchestratorEvent, bool>? _filter;
    private readonly Channel<OrchestratorEvent> _channel;
    private long _dropped;

    internal EventSubscription(EventStream stream, Func<OrchestratorEvent, bool>? filter, int capacity)
    {
        _stream = stream;
        _filter = filter;
        _channel = Channel.CreateBounded<OrchestratorEvent>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>How many events this subscriber lost because it fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The events, as they come, until the subscription is disposed or the stream completes.</summary>
    public IAsyncEnumerator<OrchestratorEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        _channel.Reader.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>Stops the subscription: no more events arrive, and a reader ends after the ones already buffered.</summary>
    public void Dispose()
    {
        _stream.Remove(this);
        Complete();
    }

    internal void Complete() => _channel.Writer.TryComplete();

    // Runs under the stream's publish lock; never blocks (a full buffer drops its oldest event).
    internal void Deliver(OrchestratorEvent orchestratorEvent)
    {
        if (_filter is null || _filter(orchestratorEvent))
        {
            _channel.Writer.TryWrite(orchestratorEvent);
        }
    }
}
