namespace Orchestrator.Api.Http;

/// <summary>The event stream's clients as the API sees them: connected now, and messages lost to slow ones.</summary>
public sealed class ApiStreamCounters
{
    private int _clients;
    private long _dropped;

    /// <summary>WebSocket clients connected now.</summary>
    public int Clients => Volatile.Read(ref _clients);

    /// <summary>Messages dropped for clients that fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Counts a client in until the returned handle is disposed.</summary>
    public IDisposable Connect()
    {
        Interlocked.Increment(ref _clients);
        return new Connection(this);
    }

    /// <summary>Counts messages a slow client lost.</summary>
    public void AddDropped(long count) => Interlocked.Add(ref _dropped, count);

    private sealed class Connection(ApiStreamCounters counters) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref counters._clients);
            }
        }
    }
}
