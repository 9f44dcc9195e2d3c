using Orchestrator.Api.Tests.Fakes;

namespace Orchestrator.Api.Tests.Healing;

/// <summary>
/// The fake clock, plus what a test needs to drive code that waits on it from another thread: which
/// timers are pending, so that the test moves the clock only once the code under test waits.
/// </summary>
internal sealed class TestClock : TimeProvider
{
    private readonly FakeTimeProvider _fake = new();
    private readonly Lock _gate = new();
    private readonly List<TrackedTimer> _pending = [];
    private readonly ConditionWaiter _changes = new();

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public void Advance(TimeSpan delta) => _fake.Advance(delta);

    /// <summary>Waits until a timer is pending that comes due <paramref name="fromNow"/> from now: the code under test waits that long.</summary>
    public Task WaitForTimerAsync(TimeSpan fromNow) =>
        _changes.UntilAsync(() => HasTimerDueAt(GetUtcNow() + fromNow), () =>
            $"no timer due in {fromNow}; pending: [{string.Join(", ", PendingDelays())}]");

    /// <summary>Moves the clock by <paramref name="delta"/> once the code under test waits exactly that long.</summary>
    public async Task AdvanceWhenWaitingAsync(TimeSpan delta)
    {
        await WaitForTimerAsync(delta);
        Advance(delta);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Inner = _fake.CreateTimer(s =>
        {
            tracked.OnFired();
            callback(s);
        }, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        tracked.Change(dueTime, period);
        return tracked;
    }

    private bool HasTimerDueAt(DateTimeOffset due)
    {
        lock (_gate)
        {
            return _pending.Any(t => t.DueAt == due);
        }
    }

    private List<TimeSpan> PendingDelays()
    {
        var now = GetUtcNow();
        lock (_gate)
        {
            return _pending.Where(t => t.DueAt is not null).Select(t => t.DueAt!.Value - now).ToList();
        }
    }

    private void Track(TrackedTimer timer, DateTimeOffset? due)
    {
        lock (_gate)
        {
            timer.DueAt = due;
            _pending.Remove(timer);
            if (due is not null)
            {
                _pending.Add(timer);
            }
        }

        _changes.Notify();
    }

    private sealed class TrackedTimer(TestClock clock) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset? DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            // The real timer first, then the record a test reads: a test that sees the timer may advance past it.
            Inner.Change(dueTime, period);
            clock.Track(this, dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime);
            return true;
        }

        public void OnFired() =>
            clock.Track(this, _period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero ? null : clock.GetUtcNow() + _period);

        public void Dispose()
        {
            Inner.Dispose();
            clock.Track(this, null);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
