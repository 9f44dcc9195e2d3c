using Orchestrator.Api.Monitoring;
using Orchestrator.Api.Tests.Fakes;

namespace Orchestrator.Api.Tests.Monitoring;

public sealed class CheckSchedulerTests : IDisposable
{
    private static readonly TimeSpan Slot = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _clock = new();
    private readonly CheckScheduler _scheduler;

    public CheckSchedulerTests() => _scheduler = new CheckScheduler(_clock, Slot);

    public void Dispose() => _scheduler.Dispose();

    [Fact]
    public void Wakes_a_check_at_its_due_time_and_not_before()
    {
        var wait = WaitFor(TimeSpan.FromSeconds(5), Interval);

        _clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.False(wait.IsCompleted);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public void Runs_the_checks_due_later_in_the_same_slot_with_the_first_one()
    {
        // The slots are 250 ms wide: 5.000 s, 5.100 s and 5.240 s share one; 5.260 s is in the next.
        var first = WaitFor(TimeSpan.FromMilliseconds(5000), Interval);
        var sameSlot = WaitFor(TimeSpan.FromMilliseconds(5100), Interval);
        var endOfSlot = WaitFor(TimeSpan.FromMilliseconds(5240), Interval);
        var nextSlot = WaitFor(TimeSpan.FromMilliseconds(5260), Interval);

        _clock.Advance(TimeSpan.FromMilliseconds(5000));

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(sameSlot.IsCompletedSuccessfully);
        Assert.True(endOfSlot.IsCompletedSuccessfully);
        Assert.False(nextSlot.IsCompleted);

        _clock.Advance(TimeSpan.FromMilliseconds(260));
        Assert.True(nextSlot.IsCompletedSuccessfully);
    }

    [Fact]
    public void Never_runs_a_check_with_a_short_interval_early()
    {
        // 2 s is under ten slots: batching it would move it by more than a tenth of its interval.
        var first = WaitFor(TimeSpan.FromMilliseconds(2000), Interval);
        var shortInterval = WaitFor(TimeSpan.FromMilliseconds(2100), TimeSpan.FromSeconds(2));

        _clock.Advance(TimeSpan.FromMilliseconds(2000));
        Assert.True(first.IsCompletedSuccessfully);
        Assert.False(shortInterval.IsCompleted);

        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(shortInterval.IsCompletedSuccessfully);
    }

    [Fact]
    public void Wakes_an_earlier_check_added_after_a_later_one()
    {
        var later = WaitFor(TimeSpan.FromSeconds(10), Interval);
        var earlier = WaitFor(TimeSpan.FromSeconds(5), Interval);

        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(earlier.IsCompletedSuccessfully);
        Assert.False(later.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(later.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_cancelled_wait_ends_at_once_and_does_not_hold_up_the_others()
    {
        using var cancellation = new CancellationTokenSource();
        var cancelled = _scheduler.WaitUntilAsync(Due(TimeSpan.FromSeconds(5)), Interval, cancellation.Token);
        var other = WaitFor(TimeSpan.FromSeconds(6), Interval);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.True(other.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Disposing_cancels_every_wait()
    {
        var wait = WaitFor(TimeSpan.FromSeconds(5), Interval);

        _scheduler.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    private Task WaitFor(TimeSpan fromNow, TimeSpan interval) => _scheduler.WaitUntilAsync(Due(fromNow), interval, CancellationToken.None);

    private long Due(TimeSpan fromNow) => _scheduler.After(_clock.GetTimestamp(), fromNow);
}
