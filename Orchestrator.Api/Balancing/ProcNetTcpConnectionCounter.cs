using Orchestrator.Api.Monitoring;

namespace Orchestrator.Api.Balancing;

/// <summary>
/// Counts established connections from /proc/net/tcp and /proc/net/tcp6. The table is read at most once
/// per <see cref="LoadBalancerOptions.ConnectionTableMaxAge"/>; picks in between use the last one, and
/// no pick ever waits for another's read.
/// </summary>
public sealed class ProcNetTcpConnectionCounter : IConnectionCounter
{
    private readonly IProcFileReader _files;
    private readonly TimeProvider _timeProvider;
    private readonly long _maxAgeTicks;
    private readonly Lock _reading = new();
    private volatile Dictionary<int, int> _table = [];
    private long _readAt;
    private bool _everRead;

    public ProcNetTcpConnectionCounter(IProcFileReader files, TimeProvider timeProvider, LoadBalancerOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _files = files;
        _timeProvider = timeProvider;
        _maxAgeTicks = (long)(options.ConnectionTableMaxAge.TotalSeconds * timeProvider.TimestampFrequency);
    }

    /// <inheritdoc />
    public int GetEstablishedConnections(int port)
    {
        RefreshIfStale();
        return _table.GetValueOrDefault(port);
    }

    private void RefreshIfStale()
    {
        var now = _timeProvider.GetTimestamp();
        if (Volatile.Read(ref _everRead) && now - Interlocked.Read(ref _readAt) < _maxAgeTicks)
        {
            return;
        }

        // One reader at a time; the others go on with the table they have (the first pick waits for the first read).
        if (!_reading.TryEnter())
        {
            if (Volatile.Read(ref _everRead))
            {
                return;
            }

            _reading.Enter();
        }

        try
        {
            if (Volatile.Read(ref _everRead) && now - Interlocked.Read(ref _readAt) < _maxAgeTicks)
            {
                return;
            }

            var table = new Dictionary<int, int>();
            foreach (var path in BalancingDefaults.ProcNetTcpFiles)
            {
                TcpConnectionTable.CountEstablished(_files.ReadText(path), table);
            }

            _table = table;
            Interlocked.Exchange(ref _readAt, _timeProvider.GetTimestamp());
            Volatile.Write(ref _everRead, true);
        }
        finally
        {
            _reading.Exit();
        }
    }
}
