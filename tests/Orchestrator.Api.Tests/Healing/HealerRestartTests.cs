using Orchestrator.Api.Events;
using Orchestrator.Api.Healing;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Healing;

public sealed class HealerRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly HealerHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task An_exit_is_journaled_as_a_failure_and_a_scheduled_restart_before_the_restart_happens()
    {
        _h.Builder.AddService("x");
        var journaledAtStart = new TaskCompletionSource<IReadOnlyList<HealingRecordKind>>();
        _h.Control.DuringStart = async _ => journaledAtStart.TrySetResult(await _h.KindsAsync("x"));
        await _h.StartAsync();

        _h.Control.Crash("x-0", 3);
        await _h.Clock.AdvanceWhenWaitingAsync(Second);

        Assert.Equal(
            [HealingRecordKind.FailureDetected, HealingRecordKind.RestartScheduled, HealingRecordKind.RestartStarted],
            await journaledAtStart.Task.WaitAsync(ConditionWaiter.SafetyTimeout));
        var scheduled = (await _h.HistoryAsync("x")).Single(r => r.Kind == HealingRecordKind.RestartScheduled);
        Assert.Equal((1, 1, RestartAction.Immediate, Second), (scheduled.Attempt, scheduled.Tier, scheduled.Action, scheduled.Delay));
        Assert.Equal(3, (await _h.Log.WaitForAsync<FailureDetected>()).ExitCode);
        var published = await _h.Log.WaitForAsync<RestartScheduled>();
        Assert.Equal(("x", "x-0", 1, 1, RestartAction.Immediate, Second),
            (published.Resource, published.Replica, published.Attempt, published.Tier, published.Action, published.Delay));
    }

    [Fact]
    public async Task Each_attempt_waits_its_tier_s_delay_on_the_clock()
    {
        _h.Builder.AddService("x");
        _h.Control.ScriptStarts("x-0", [.. Enumerable.Repeat(StartOutcome.ExitsWith(1), 7)]);
        await _h.StartAsync();

        _h.Control.Crash("x-0", 1);

        int[] delays = [1, 5, 15, 30, 60, 60, 120];
        for (var i = 0; i < delays.Length; i++)
        {
            var delay = TimeSpan.FromSeconds(delays[i]);
            await _h.Clock.WaitForTimerAsync(delay);
            _h.Clock.Advance(delay - TimeSpan.FromMilliseconds(1));
            Assert.Equal(i, _h.Control.Count("start:x-0"));

            _h.Clock.Advance(TimeSpan.FromMilliseconds(1));
            await _h.Control.WaitForAsync("start:x-0", i + 1);
        }
    }

    [Fact]
    public async Task The_graceful_tier_stops_the_replica_with_its_grace_period_then_starts_it_after_the_delay()
    {
        _h.Builder.AddService("x").WithRestartPolicy(RestartPolicy.Always, o =>
        {
            o.Tiers = [RestartTier.Graceful(TimeSpan.FromSeconds(2)), RestartTier.Quarantine()];
            o.GracefulStopTimeout = TimeSpan.FromSeconds(7);
        });
        await _h.StartAsync();

        // Reported by the health monitor: the process still runs, so the stop matters.
        _h.Events.Publish(new FailureDetected(_h.Clock.GetUtcNow(), "x", "x-0", null, "liveness failed"));
        await _h.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(["stop:x-0 (7s)"], _h.Control.Operations);

        _h.Clock.Advance(TimeSpan.FromSeconds(2));
        await _h.Control.WaitForAsync("start:x-0");
        Assert.Equal(["stop:x-0 (7s)", "start:x-0"], _h.Control.Operations);
    }

    [Fact]
    public async Task The_dependency_tier_restarts_the_dependencies_then_the_resource_and_leaves_their_healthy_dependents_alone()
    {
        var db = _h.Builder.AddService("db");
        _h.Builder.AddService("x").WaitFor(db).WithRestartPolicy(RestartPolicy.Always, o =>
            o.Tiers = [RestartTier.RestartDependencies(TimeSpan.FromSeconds(2)), RestartTier.Quarantine()]);
        _h.Builder.AddService("other").WaitFor(db);
        await _h.StartAsync();

        _h.Control.Crash("x-0", 1);
        await _h.Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(2));
        await _h.Control.WaitForAsync("start:x-0");

        Assert.Equal(["stop:x-0 (10s)", "stop:db", "start:db", "start:x-0"], _h.Control.Operations);
        var dependencyRestart = await _h.Log.WaitForAsync<DependencyRestartStarted>();
        Assert.Equal(("x-0", "db"), (dependencyRestart.Replica, dependencyRestart.Dependency));
        Assert.Contains(HealingRecordKind.DependencyRestart, await _h.KindsAsync("x"));
        Assert.Equal(KnownResourceState.Running, _h.Snapshot("other-0").State);
    }

    [Fact]
    public async Task A_restart_counts_as_successful_only_once_the_replica_stayed_up_for_its_minimum_uptime()
    {
        _h.Builder.AddService("x").WithRestartPolicy(RestartPolicy.Always, o => o.MinUptime = TimeSpan.FromSeconds(10));
        await _h.StartAsync();

        _h.Control.Crash("x-0", 1);
        await _h.Clock.AdvanceWhenWaitingAsync(Second);
        await _h.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(10));
        _h.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(ReplicaHealingPhase.Verifying, _h.Status("x-0").Phase);

        _h.Clock.Advance(Second);
        var succeeded = await _h.Log.WaitForAsync<RestartSucceeded>();
        Assert.Equal(1, succeeded.Attempt);
    }

    [Fact]
    public async Task A_manual_restart_sent_while_a_restart_is_verified_runs_once_the_verdict_is_in()
    {
        _h.Builder.AddService("x").WithRestartPolicy(RestartPolicy.Always, o => o.MinUptime = TimeSpan.FromSeconds(10));
        await _h.StartAsync();
        _h.Control.Crash("x-0", 1);
        await _h.Clock.AdvanceWhenWaitingAsync(Second);
        await _h.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ReplicaHealingPhase.Verifying, _h.Status("x-0").Phase);

        var manual = _h.Healer.RestartAsync("x");
        _h.Clock.Advance(TimeSpan.FromSeconds(10));

        // Not after the five-minute stability period: the clock does not move again.
        await manual.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(HealingRecordKind.ManualRestart, await _h.KindsAsync("x"));
        Assert.Equal(2, _h.Control.Count("start:x-0")); // the healer's restart, then the manual one
    }

    [Fact]
    public async Task A_replica_that_dies_within_its_minimum_uptime_fails_its_restart_and_climbs()
    {
        _h.Builder.AddService("x").WithRestartPolicy(RestartPolicy.Always, o => o.MinUptime = TimeSpan.FromSeconds(10));
        await _h.StartAsync();

        _h.Control.Crash("x-0", 1);
        await _h.Clock.AdvanceWhenWaitingAsync(Second);
        await _h.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(10));
        _h.Clock.Advance(TimeSpan.FromSeconds(5));
        _h.Control.Crash("x-0", 2);

        var failed = await _h.Log.WaitForAsync<RestartFailed>();
        Assert.Equal(1, failed.Attempt);
        var next = await _h.Log.WaitForAsync<RestartScheduled>(count: 2);
        Assert.Equal((2, TimeSpan.FromSeconds(5)), (next.Attempt, next.Delay));
        Assert.Empty(_h.Log.OfType<RestartSucceeded>());
    }

    [Fact]
    public async Task The_ladder_starts_over_once_the_replica_stays_healthy_for_the_stability_period()
    {
        _h.Builder.AddService("x").WithRestartPolicy(RestartPolicy.Always, o =>
        {
            o.MinUptime = TimeSpan.FromSeconds(10);
            o.StabilityPeriod = TimeSpan.FromSeconds(60);
        });
        await _h.StartAsync();
        _h.Control.Crash("x-0", 1);
        await _h.Clock.AdvanceWhenWaitingAsync(Second);
        await _h.Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(10));
        await _h.Log.WaitForAsync<RestartSucceeded>();
        Assert.Equal(1, _h.Status("x-0").Attempt);

        await _h.Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(50));
        await _h.WaitForPhaseAsync("x-0", ReplicaHealingPhase.Idle);

        Assert.Equal(0, _h.Status("x-0").Attempt);
        Assert.Equal(HealingRecordKind.LadderReset, (await _h.KindsAsync("x"))[^1]);
        _h.Control.Crash("x-0", 1);
        Assert.Equal(1, (await _h.Log.WaitForAsync<RestartScheduled>(count: 2)).Attempt);
    }

    [Fact]
    public async Task A_restart_that_never_becomes_healthy_is_killed_at_its_start_timeout_and_counts_as_a_failure()
    {
        _h.Options = _h.Options with { StartTimeout = TimeSpan.FromSeconds(20) };
        _h.Builder.AddService("x");
        _h.Control.ScriptStarts("x-0", StartOutcome.Hangs);
        await _h.StartAsync();

        _h.Control.Crash("x-0", 1);
        await _h.Clock.AdvanceWhenWaitingAsync(Second);
        await _h.Control.WaitForAsync("start:x-0");
        await _h.Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(20));

        var failed = await _h.Log.WaitForAsync<RestartFailed>();
        Assert.Contains("did not become healthy within", failed.Reason);
        await _h.Control.WaitForAsync("kill:x-0");
        Assert.Equal(2, (await _h.Log.WaitForAsync<RestartScheduled>(count: 2)).Attempt);
    }

    [Fact]
    public async Task A_hung_replica_reported_by_the_health_monitor_is_killed_then_restarted()
    {
        _h.Builder.AddService("x");
        await _h.StartAsync();

        _h.Events.Publish(new FailureDetected(_h.Clock.GetUtcNow(), "x", "x-0", null, "liveness failed 3 times in a row"));
        await _h.Clock.AdvanceWhenWaitingAsync(Second);
        await _h.Control.WaitForAsync("start:x-0");

        Assert.Equal(["kill:x-0", "start:x-0"], _h.Control.Operations);
        var detected = (await _h.HistoryAsync("x")).First();
        Assert.Equal((HealingRecordKind.FailureDetected, "liveness failed 3 times in a row"), (detected.Kind, detected.Message));
        // The monitor's event is on the stream already; the healer does not publish the failure again.
        await _h.Log.WaitForAsync<RestartStarted>();
        Assert.Single(_h.Log.OfType<FailureDetected>());
    }
}
