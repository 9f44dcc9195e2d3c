namespace Orchestrator.Api.Monitoring;

/// <summary>
/// Wakes the replicas' health loops in batches. Time is cut into slots (<see cref="MonitoringDefaults.CheckBatchSlot"/>);
/// when one check falls due, every other check due later in the same slot runs with it, a little
/// early, never late. A thousand replicas checked every 5 s are two hundred checks a second: on
/// timers of their own they would wake the process two hundred times a second, each wake a thread
/// hand-off; batched, about four. Checks stay spread over the interval (each keeps its slot), and
/// a check whose interval is short (under ten slots) is never run early.
/// </summary>
internal sealed class CheckScheduler : IDisposable
{
    private const int SlotsPerShortestBatchedInterval = 10;

    private readonly TimeProvider _time;
    private readonly long _slotTicks;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private readonly PriorityQueue<Wake, long> _queue = new();
    private long _armedFor = long.MaxValue;
    private bool _disposed;

    public CheckScheduler(TimeProvider time, TimeSpan slot)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slot, TimeSpan.Zero);
        _time = time;
        _slotTicks = Math.Max(1, (long)(slot.TotalSeconds * time.TimestampFrequency));
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>A timestamp (of the scheduler's <see cref="TimeProvider"/>) <paramref name="delay"/> after <paramref name="from"/>.</summary>
    public long After(long from, TimeSpan delay) => from + (long)(delay.TotalSeconds * _time.TimestampFrequency);

    /// <summary>
    /// Completes at <paramref name="dueTimestamp"/>, or earlier in its slot when it may be batched
    /// (<paramref name="interval"/> spans at least ten slots) and another check of that slot falls due first.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task WaitUntilAsync(long dueTimestamp, TimeSpan interval, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var batchable = interval.TotalSeconds * _time.TimestampFrequency >= (double)_slotTicks * SlotsPerShortestBatchedInterval;
        var wake = new Wake(dueTimestamp, batchable);
        if (cancellationToken.CanBeCanceled)
        {
            // Left in the queue when cancelled: it is dropped, completed already, when its time comes.
            wake.Cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((Wake)state!).Completion.TrySetCanceled(token), wake);
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Enqueue(wake, dueTimestamp);
            // Under the lock: two waiters arming at once must not leave the timer set for the later one.
            if (dueTimestamp < _armedFor)
            {
                _armedFor = dueTimestamp;
                Arm(dueTimestamp);
            }
        }

        return wake.Completion.Task;
    }

    public void Dispose()
    {
        List<Wake> pending;
        lock (_gate)
        {
            _disposed = true;
            pending = [.. _queue.UnorderedItems.Select(item => item.Element)];
            _queue.Clear();
        }

        _timer.Dispose();
        foreach (var wake in pending)
        {
            wake.Completion.TrySetCanceled();
            // Unregister, not Dispose: Dispose would wait for a cancellation running on another thread.
            wake.Cancellation.Unregister();
        }
    }

    private void OnTimer()
    {
        var now = _time.GetTimestamp();
        var slotEnd = (now / _slotTicks + 1) * _slotTicks;
        var due = new List<Wake>();
        var notYet = new List<Wake>();
        lock (_gate)
        {
            while (_queue.TryPeek(out var wake, out var at) && at < slotEnd)
            {
                _queue.Dequeue();
                (at <= now || wake.Batchable ? due : notYet).Add(wake);
            }

            foreach (var wake in notYet)
            {
                _queue.Enqueue(wake, wake.Due);
            }

            _armedFor = _queue.TryPeek(out _, out var earliest) ? earliest : long.MaxValue;
            if (_armedFor != long.MaxValue)
            {
                Arm(_armedFor);
            }
        }

        foreach (var wake in due)
        {
            // Unregister, not Dispose: Dispose would wait for a cancellation running on another thread.
            wake.Cancellation.Unregister();
            wake.Completion.TrySetResult();
        }
    }

    private void Arm(long dueTimestamp)
    {
        var delay = _time.GetElapsedTime(_time.GetTimestamp(), dueTimestamp);
        try
        {
            _timer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: every waiter has been cancelled.
        }
    }

    private sealed class Wake(long due, bool batchable)
    {
        public long Due { get; } = due;

        public bool Batchable { get; } = batchable;

        // Continuations run inline: a batch's loops start their checks one after another on the timer's
        // thread (each runs only until its first I/O), instead of each waiting for a thread of its own.
        public TaskCompletionSource Completion { get; } = new();

        public CancellationTokenRegistration Cancellation { get; set; }
    }
}
