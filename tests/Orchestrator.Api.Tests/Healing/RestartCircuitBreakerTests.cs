using Orchestrator.Api.Healing;
using Orchestrator.Api.Tests.Fakes;

namespace Orchestrator.Api.Tests.Healing;

public sealed class RestartCircuitBreakerTests
{
    private static readonly RestartCircuitBreakerOptions Options = new()
    {
        FailureRatio = 1.0,
        MinimumThroughput = 3,
        SamplingDuration = TimeSpan.FromMinutes(1),
        BreakDuration = TimeSpan.FromSeconds(30),
    };

    private readonly FakeTimeProvider _clock = new();
    private readonly List<BreakerStateChange> _changes = [];
    private readonly RestartCircuitBreaker _breaker;
    private int _restarts;

    public RestartCircuitBreakerTests()
    {
        _breaker = new RestartCircuitBreaker("catalog", Options, _clock, change =>
        {
            _changes.Add(change);
            return ValueTask.CompletedTask;
        });
    }

    [Fact]
    public async Task Starts_closed()
    {
        Assert.Equal(BreakerState.Closed, _breaker.State);
        Assert.Equal(RestartAttemptResult.Succeeded, await RestartAsync(succeeds: true));
    }

    [Fact]
    public async Task Opens_after_a_burst_of_failed_restarts()
    {
        await FailAsync(3);

        Assert.Equal(BreakerState.Open, _breaker.State);
        var change = Assert.Single(_changes);
        Assert.Equal(new BreakerStateChange("catalog", BreakerState.Closed, BreakerState.Open, _clock.GetUtcNow(), TimeSpan.FromSeconds(30)), change);
    }

    [Fact]
    public async Task Stays_closed_below_the_minimum_throughput()
    {
        await FailAsync(2);

        Assert.Equal(BreakerState.Closed, _breaker.State);
        Assert.Empty(_changes);
    }

    [Fact]
    public async Task Failures_that_left_the_sampling_window_do_not_open_it()
    {
        await FailAsync(2);
        _clock.Advance(TimeSpan.FromMinutes(2));

        await FailAsync(1);

        Assert.Equal(BreakerState.Closed, _breaker.State);
    }

    [Fact]
    public async Task Rejects_restarts_while_open_without_running_them()
    {
        await FailAsync(3);
        _clock.Advance(TimeSpan.FromSeconds(29));

        var result = await RestartAsync(succeeds: true);

        Assert.Equal(RestartAttemptResult.Rejected, result);
        Assert.Equal(3, _restarts);
        Assert.Equal(BreakerState.Open, _breaker.State);
    }

    [Fact]
    public async Task Open_until_says_when_the_break_ends()
    {
        await FailAsync(3);
        var openedAt = _clock.GetUtcNow();

        Assert.Equal(openedAt + TimeSpan.FromSeconds(30), _breaker.OpenUntil);
    }

    [Fact]
    public async Task After_the_break_lets_one_half_open_try_through_and_its_success_closes_the_circuit()
    {
        await FailAsync(3);
        _clock.Advance(TimeSpan.FromSeconds(30));
        BreakerState? stateDuringTry = null;
        RestartAttemptResult? concurrentTry = null;

        var result = await _breaker.ExecuteAsync(async ct =>
        {
            stateDuringTry = _breaker.State;
            concurrentTry = await RestartAsync(succeeds: true);
            return true;
        });

        Assert.Equal(RestartAttemptResult.Succeeded, result);
        Assert.Equal(BreakerState.HalfOpen, stateDuringTry);
        Assert.Equal(RestartAttemptResult.Rejected, concurrentTry);
        Assert.Equal(BreakerState.Closed, _breaker.State);
        Assert.Null(_breaker.OpenUntil);
        Assert.Equal(
            [(BreakerState.Closed, BreakerState.Open), (BreakerState.Open, BreakerState.HalfOpen), (BreakerState.HalfOpen, BreakerState.Closed)],
            _changes.Select(c => (c.Previous, c.State)));
    }

    [Fact]
    public async Task A_failed_half_open_try_opens_the_circuit_again_for_another_break()
    {
        await FailAsync(3);
        _clock.Advance(TimeSpan.FromSeconds(30));

        var result = await RestartAsync(succeeds: false);

        Assert.Equal(RestartAttemptResult.Failed, result);
        Assert.Equal(BreakerState.Open, _breaker.State);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(30), _breaker.OpenUntil);
        Assert.Equal((BreakerState.HalfOpen, BreakerState.Open), (_changes[^1].Previous, _changes[^1].State));
        Assert.Equal(RestartAttemptResult.Rejected, await RestartAsync(succeeds: true));
    }

    [Fact]
    public async Task A_restart_that_throws_counts_as_a_failure_and_the_exception_surfaces()
    {
        await FailAsync(2);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await _breaker.ExecuteAsync(_ => throw new InvalidOperationException("spawn failed")));

        Assert.Equal(BreakerState.Open, _breaker.State);
    }

    [Fact]
    public async Task The_change_callback_finishes_before_the_restart_that_caused_it_returns()
    {
        var written = new TaskCompletionSource();
        var breaker = new RestartCircuitBreaker("catalog", Options, _clock, async _ =>
        {
            await Task.Yield();
            written.TrySetResult();
        });

        for (var i = 0; i < 3; i++)
        {
            await breaker.ExecuteAsync(_ => ValueTask.FromResult(false));
        }

        Assert.True(written.Task.IsCompleted);
    }

    private async Task FailAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
            }

            Assert.Equal(RestartAttemptResult.Failed, await RestartAsync(succeeds: false));
        }
    }

    private ValueTask<RestartAttemptResult> RestartAsync(bool succeeds) => _breaker.ExecuteAsync(_ =>
    {
        Interlocked.Increment(ref _restarts);
        return ValueTask.FromResult(succeeds);
    });
}
