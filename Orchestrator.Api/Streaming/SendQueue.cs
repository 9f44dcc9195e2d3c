using System.Threading.Channels;

namespace Orchestrator.Api.Streaming;

/// <summary>
/// One client's messages waiting to be sent, at most a fixed number. Offering never waits: a full queue
/// means the client fell behind, and the queue closes at once (reporting <see cref="SendQueueResult.Overflowed"/>
/// exactly once); its reader should then stop sending (see <see cref="HasOverflowed"/>), so that the
/// client is closed with 1008 rather than sent a history with a hole in it.
/// </summary>
internal sealed class SendQueue
{
    private readonly Channel<StreamFrame> _channel;
    private int _closed;
    private int _overflowed;

    public SendQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _channel = Channel.CreateBounded<StreamFrame>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public int Capacity { get; }

    /// <summary>True once the queue overflowed.</summary>
    public bool HasOverflowed => Volatile.Read(ref _overflowed) == 1;

    /// <summary>How many messages wait now.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>Queues <paramref name="frame"/> if there is room; never blocks.</summary>
    public SendQueueResult Offer(StreamFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_channel.Writer.TryWrite(frame))
        {
            return SendQueueResult.Queued;
        }

        // TryWrite fails on a full queue or a closed one; only the first failure on an open queue is an overflow.
        if (Interlocked.CompareExchange(ref _closed, 1, 0) == 0)
        {
            Volatile.Write(ref _overflowed, 1);
            _channel.Writer.TryComplete();
            return SendQueueResult.Overflowed;
        }

        return SendQueueResult.Closed;
    }

    /// <summary>Closes the queue: the reader gets what is queued, then ends.</summary>
    public void Close()
    {
        if (Interlocked.CompareExchange(ref _closed, 1, 0) == 0)
        {
            _channel.Writer.TryComplete();
        }
    }

    /// <summary>The messages as they come, until the queue is closed and drained.</summary>
    public IAsyncEnumerable<StreamFrame> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
