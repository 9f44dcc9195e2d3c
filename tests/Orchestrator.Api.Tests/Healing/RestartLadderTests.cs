using Orchestrator.Api.Healing;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Tests.Healing;

public sealed class RestartLadderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan QuickCrash = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData(1, 1, RestartAction.Immediate, 1)]
    [InlineData(2, 1, RestartAction.Immediate, 5)]
    [InlineData(3, 1, RestartAction.Immediate, 15)]
    [InlineData(4, 2, RestartAction.Graceful, 30)]
    [InlineData(5, 2, RestartAction.Graceful, 60)]
    [InlineData(6, 3, RestartAction.RestartDependencies, 60)]
    [InlineData(7, 3, RestartAction.RestartDependencies, 120)]
    public void Follows_the_default_ladder_tier_by_tier(int attempt, int tier, RestartAction action, int delaySeconds)
    {
        var ladder = new RestartLadder(RestartPolicyAnnotation.Default);

        var (_, decision) = CrashRepeatedly(ladder, attempt);

        Assert.Equal(new RestartDecision.Restart(attempt, tier, action, TimeSpan.FromSeconds(delaySeconds)), decision);
    }

    [Fact]
    public void Quarantines_on_the_eighth_failure_after_the_last_tier()
    {
        var ladder = new RestartLadder(RestartPolicyAnnotation.Default);

        var (state, decision) = CrashRepeatedly(ladder, 8);

        var quarantine = Assert.IsType<RestartDecision.Quarantine>(decision);
        Assert.Equal(8, quarantine.Attempt);
        Assert.True(state.IsQuarantined);
    }

    [Fact]
    public void A_quarantined_replica_is_not_restarted()
    {
        var ladder = new RestartLadder(RestartPolicyAnnotation.Default);
        var (state, _) = CrashRepeatedly(ladder, 8);

        var outcome = ladder.Decide(state, 1, Start.AddHours(1));

        Assert.IsType<RestartDecision.DoNotRestart>(outcome.Decision);
        Assert.True(outcome.State.IsQuarantined);
    }

    [Fact]
    public void Release_resets_the_ladder_so_the_next_failure_is_attempt_one()
    {
        var ladder = new RestartLadder(RestartPolicyAnnotation.Default);
        var (state, _) = CrashRepeatedly(ladder, 8);

        var released = state.Release();
        var now = Start.AddHours(1);
        var outcome = ladder.Decide(released.OnStarted(now).OnHealthy(now), 1, now + QuickCrash);

        Assert.False(released.IsQuarantined);
        Assert.Equal(0, released.Attempts);
        Assert.Equal(new RestartDecision.Restart(1, 1, RestartAction.Immediate, TimeSpan.FromSeconds(1)), outcome.Decision);
    }

    [Fact]
    public void A_crash_before_min_uptime_climbs_the_ladder()
    {
        var ladder = new RestartLadder(RestartPolicyAnnotation.Default);
        var (state, _) = CrashRepeatedly(ladder, 1);
        var now = Start.AddMinutes(1);
        state = state.OnStarted(now).OnHealthy(now);

        var crashAt = now + TimeSpan.FromSeconds(9);
        var outcome = ladder.Decide(state, 1, crashAt);

        Assert.False(ladder.HasStartSucceeded(state, crashAt));
        Assert.Equal(2, Assert.IsType<RestartDecision.Restart>(outcome.Decision).Attempt);
    }

    [Fact]
    public void A_start_succeeds_only_after_min_uptime_of_health()
    {
        var ladder = new RestartLadder(RestartPolicyAnnotation.Default with { MinUptime = TimeSpan.FromSeconds(10) });
        var healthyAt = Start.AddSeconds(8);
        var state = ReplicaRestartState.Initial.OnStarted(Start).OnHealthy(healthyAt);

        // Measured from the first healthy probe, not from the process start.
        Assert.False(ladder.HasStartSucceeded(state, Start.AddSeconds(12)));
        Assert.False(ladder.HasStartSucceeded(state, healthyAt.AddSeconds(9.9)));
        Assert.True(ladder.HasStartSucceeded(state, healthyAt.AddSeconds(10)));
    }

    [Fact]
    public void A_start_that_never_became_healthy_does_not_succeed()
    {
        var ladder = new RestartLadder(RestartPolicyAnnotation.Default);
        var state = ReplicaRestartState.Initial.OnStarted(Start);

        Assert.False(ladder.HasStartSucceeded(state, Start.AddMinutes(10)));
    }

    [Fact]
    public void A_crash_after_a_successful_start_but_within_the_stability_period_still_climbs()
    {
        var ladder = new RestartLadder(RestartPolicyAnnotation.Default);
        var (state, _) = CrashRepeatedly(ladder, 2);
        var now = Start.AddMinutes(1);
        state = state.OnStarted(now).OnHealthy(now);

        var crashAt = now + TimeSpan.FromMinutes(4);
        var outcome = ladder.Decide(state, 1, crashAt);

        Assert.True(ladder.HasStartSucceeded(state, crashAt));
        Assert.Equal(3, Assert.IsType<RestartDecision.Restart>(outcome.Decision).Attempt);
    }

    [Fact]
    public void The_ladder_starts_over_after_the_stability_period_without_failure()
    {
        var ladder = new RestartLadder(RestartPolicyAnnotation.Default);
        var (state, _) = CrashRepeatedly(ladder, 5);
        var now = Start.AddMinutes(10);
        state = state.OnStarted(now).OnHealthy(now);

        var outcome = ladder.Decide(state, 1, now + TimeSpan.FromMinutes(5));

        Assert.Equal(new RestartDecision.Restart(1, 1, RestartAction.Immediate, TimeSpan.FromSeconds(1)), outcome.Decision);
        Assert.Equal(1, outcome.State.Attempts);
    }

    [Fact]
    public void Losing_health_restarts_the_stability_clock()
    {
        var ladder = new RestartLadder(RestartPolicyAnnotation.Default);
        var (state, _) = CrashRepeatedly(ladder, 3);
        var now = Start.AddMinutes(10);
        state = state.OnStarted(now).OnHealthy(now).OnUnhealthy().OnHealthy(now.AddMinutes(3));

        var outcome = ladder.Decide(state, 1, now.AddMinutes(6));

        Assert.Equal(4, Assert.IsType<RestartDecision.Restart>(outcome.Decision).Attempt);
    }

    [Fact]
    public void ResetIfStable_starts_the_ladder_over_once_the_stability_period_has_passed()
    {
        var ladder = new RestartLadder(RestartPolicyAnnotation.Default);
        var (state, _) = CrashRepeatedly(ladder, 3);
        var now = Start.AddMinutes(10);
        state = state.OnStarted(now).OnHealthy(now);

        Assert.Equal(3, ladder.ResetIfStable(state, now.AddMinutes(4)).Attempts);
        Assert.Equal(0, ladder.ResetIfStable(state, now.AddMinutes(5)).Attempts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(null)]
    public void Never_does_not_restart_whatever_the_exit(int? exitCode)
    {
        var ladder = new RestartLadder(new RestartPolicyAnnotation(RestartPolicy.Never));

        var outcome = ladder.Decide(Running(), exitCode, Start + QuickCrash);

        Assert.IsType<RestartDecision.DoNotRestart>(outcome.Decision);
        Assert.False(outcome.State.IsRunning);
    }

    [Fact]
    public void OnFailure_does_not_restart_exit_code_zero()
    {
        var ladder = new RestartLadder(new RestartPolicyAnnotation(RestartPolicy.OnFailure));

        var outcome = ladder.Decide(Running(), 0, Start + QuickCrash);

        Assert.IsType<RestartDecision.DoNotRestart>(outcome.Decision);
        Assert.Equal(0, outcome.State.Attempts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(137)]
    [InlineData(null)]
    public void OnFailure_restarts_a_failed_replica(int? exitCode)
    {
        var ladder = new RestartLadder(new RestartPolicyAnnotation(RestartPolicy.OnFailure));

        var outcome = ladder.Decide(Running(), exitCode, Start + QuickCrash);

        Assert.Equal(1, Assert.IsType<RestartDecision.Restart>(outcome.Decision).Attempt);
        Assert.Equal(exitCode, outcome.State.LastExitCode);
    }

    [Fact]
    public void Always_restarts_a_service_that_exits_with_code_zero()
    {
        var ladder = new RestartLadder(new RestartPolicyAnnotation(RestartPolicy.Always));

        var outcome = ladder.Decide(Running(), 0, Start + QuickCrash);

        Assert.Equal(1, Assert.IsType<RestartDecision.Restart>(outcome.Decision).Attempt);
    }

    [Fact]
    public void Always_does_not_restart_a_run_to_completion_resource_that_exits_with_code_zero()
    {
        var ladder = new RestartLadder(new RestartPolicyAnnotation(RestartPolicy.Always), runsToCompletion: true);

        var outcome = ladder.Decide(Running(), 0, Start + QuickCrash);

        Assert.IsType<RestartDecision.DoNotRestart>(outcome.Decision);
    }

    [Fact]
    public void Always_restarts_a_run_to_completion_resource_that_fails()
    {
        var ladder = new RestartLadder(new RestartPolicyAnnotation(RestartPolicy.Always), runsToCompletion: true);

        var outcome = ladder.Decide(Running(), 2, Start + QuickCrash);

        Assert.IsType<RestartDecision.Restart>(outcome.Decision);
    }

    [Fact]
    public void Custom_tiers_set_the_actions_and_delays()
    {
        var policy = new RestartPolicyAnnotation(RestartPolicy.OnFailure)
        {
            Tiers = [RestartTier.Graceful(TimeSpan.FromSeconds(2)), RestartTier.Immediate(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(9)), RestartTier.Quarantine()],
        };
        var ladder = new RestartLadder(policy);

        var decisions = Enumerable.Range(1, 4).Select(n => CrashRepeatedly(ladder, n).Decision).ToList();

        Assert.Equal(new RestartDecision.Restart(1, 1, RestartAction.Graceful, TimeSpan.FromSeconds(2)), decisions[0]);
        Assert.Equal(new RestartDecision.Restart(2, 2, RestartAction.Immediate, TimeSpan.FromSeconds(7)), decisions[1]);
        Assert.Equal(new RestartDecision.Restart(3, 2, RestartAction.Immediate, TimeSpan.FromSeconds(9)), decisions[2]);
        Assert.IsType<RestartDecision.Quarantine>(decisions[3]);
    }

    [Fact]
    public void A_ladder_without_a_quarantine_tier_repeats_its_last_delay()
    {
        var policy = RestartPolicyAnnotation.Default with { Tiers = [RestartTier.Immediate(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4))] };
        var ladder = new RestartLadder(policy);

        var (state, decision) = CrashRepeatedly(ladder, 20);

        Assert.Equal(new RestartDecision.Restart(20, 1, RestartAction.Immediate, TimeSpan.FromSeconds(4)), decision);
        Assert.False(state.IsQuarantined);
    }

    [Fact]
    public void A_custom_min_uptime_and_stability_period_are_honoured()
    {
        var policy = RestartPolicyAnnotation.Default with { MinUptime = TimeSpan.FromSeconds(3), StabilityPeriod = TimeSpan.FromSeconds(30) };
        var ladder = new RestartLadder(policy);
        var (state, _) = CrashRepeatedly(ladder, 4);
        var now = Start.AddHours(1);
        state = state.OnStarted(now).OnHealthy(now);

        Assert.True(ladder.HasStartSucceeded(state, now.AddSeconds(3)));
        Assert.Equal(1, ladder.Decide(state, 1, now.AddSeconds(30)).State.Attempts);
    }

    // Runs the replica through `failures` quick crashes (each before MinUptime) and returns the last outcome.
    private static RestartOutcome CrashRepeatedly(RestartLadder ladder, int failures)
    {
        var state = ReplicaRestartState.Initial;
        var now = Start;
        RestartOutcome? outcome = null;
        for (var i = 0; i < failures; i++)
        {
            state = state.OnStarted(now).OnHealthy(now);
            now += QuickCrash;
            outcome = ladder.Decide(state, 1, now);
            state = outcome.State;
            now += TimeSpan.FromSeconds(1);
        }

        return outcome!;
    }

    private static ReplicaRestartState Running() => ReplicaRestartState.Initial.OnStarted(Start).OnHealthy(Start);
}
