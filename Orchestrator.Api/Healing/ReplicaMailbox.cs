using System.Threading.Channels;

namespace Orchestrator.Api.Healing;

/// <summary>
/// A replica supervisor's queue of signals, with the bookkeeping that gives each failing replica one
/// loop and an idle replica none: <see cref="Post"/> says when a loop must start, <see cref="TryTakeNext"/>
/// says when it may end. Waits go through the <see cref="TimeProvider"/>, so tests drive them.
/// </summary>
internal sealed class ReplicaMailbox(TimeProvider timeProvider)
{
    private readonly Channel<ReplicaSignal> _channel = Channel.CreateUnbounded<ReplicaSignal>(new UnboundedChannelOptions { SingleReader = true });

    // Signals the loop took out of order (a command that ended a wait) and handles next; touched by the loop only.
    private readonly Queue<ReplicaSignal> _deferred = new();
    private readonly Lock _gate = new();
    private bool _running;
    private bool _nudgePending;

    /// <summary>True while a loop runs.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Queues <paramref name="signal"/>; returns true when no loop runs, so the caller must start one.</summary>
    public bool Post(ReplicaSignal signal)
    {
        lock (_gate)
        {
            _channel.Writer.TryWrite(signal);
            if (_running)
            {
                return false;
            }

            _running = true;
            return true;
        }
    }

    /// <summary>Wakes a running loop's wait (at most one nudge is queued); does nothing when no loop runs.</summary>
    public void Nudge()
    {
        lock (_gate)
        {
            if (_running && !_nudgePending)
            {
                _nudgePending = true;
                _channel.Writer.TryWrite(ReplicaSignal.Nudge.Instance);
            }
        }
    }

    /// <summary>Handles <paramref name="signal"/> before anything still queued.</summary>
    public void Defer(ReplicaSignal signal) => _deferred.Enqueue(signal);

    /// <summary>True when a signal taken out of order waits to run: the loop must get to it before waiting again.</summary>
    public bool HasDeferred => _deferred.Count > 0;

    /// <summary>The next signal for the loop, nudges skipped; false (and the loop must end) when there is none.</summary>
    public bool TryTakeNext(out ReplicaSignal signal)
    {
        if (_deferred.TryDequeue(out signal!))
        {
            return true;
        }

        lock (_gate)
        {
            while (TryReadLocked(out signal!))
            {
                if (signal is not ReplicaSignal.Nudge)
                {
                    return true;
                }
            }

            _running = false;
            return false;
        }
    }

    /// <summary>Everything still queued, for a loop that ends because the healer stops.</summary>
    public IReadOnlyList<ReplicaSignal> Drain()
    {
        var left = new List<ReplicaSignal>(_deferred);
        _deferred.Clear();
        lock (_gate)
        {
            while (TryReadLocked(out var signal))
            {
                left.Add(signal);
            }

            _running = false;
        }

        return left;
    }

    /// <summary>The next signal, or null once <paramref name="until"/> has come (never, when it is null).</summary>
    public async Task<ReplicaSignal?> NextAsync(DateTimeOffset? until, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryRead(out var signal))
            {
                return signal;
            }

            var now = timeProvider.GetUtcNow();
            if (until is { } due && now >= due)
            {
                return null;
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var read = _channel.Reader.WaitToReadAsync(wake.Token).AsTask();
            var delay = until is { } deadline ? Task.Delay(deadline - now, timeProvider, wake.Token) : Task.Delay(Timeout.Infinite, wake.Token);
            await Task.WhenAny(read, delay).ConfigureAwait(false);
            await wake.CancelAsync().ConfigureAwait(false);
        }
    }

    private bool TryRead(out ReplicaSignal signal)
    {
        lock (_gate)
        {
            return TryReadLocked(out signal);
        }
    }

    private bool TryReadLocked(out ReplicaSignal signal)
    {
        if (!_channel.Reader.TryRead(out signal!))
        {
            return false;
        }

        if (signal is ReplicaSignal.Nudge)
        {
            _nudgePending = false;
        }

        return true;
    }
}
