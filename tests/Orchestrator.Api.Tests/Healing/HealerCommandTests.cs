using Orchestrator.Api.Events;
using Orchestrator.Api.Healing;
using Orchestrator.Hosting;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Tests.Healing;

public sealed class HealerCommandTests : IAsyncLifetime
{
    private readonly HealerHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_manual_restart_restarts_every_replica_gracefully_and_is_journaled_as_manual()
    {
        _h.Builder.AddService("x").WithReplicas(2);
        await _h.StartAsync();

        await _h.Healer.RestartAsync("x");

        Assert.Equal(
            ["start:x-0", "start:x-1", "stop:x-0 (10s)", "stop:x-1 (10s)"],
            _h.Control.Operations.Order(StringComparer.Ordinal));
        var operations = _h.Control.Operations.ToList();
        Assert.True(operations.IndexOf("stop:x-0 (10s)") < operations.IndexOf("start:x-0"));
        var history = await _h.HistoryAsync("x");
        Assert.Equal(["x-0", "x-1"], history.Where(r => r.Kind == HealingRecordKind.ManualRestart).Select(r => r.Replica).Order(StringComparer.Ordinal));
        await _h.Log.WaitForAsync<RestartStarted>(count: 2);
    }

    [Fact]
    public async Task A_manual_restart_does_not_count_on_the_ladder_and_its_stop_is_no_failure()
    {
        _h.Builder.AddService("x");
        await _h.StartAsync();

        await _h.Healer.RestartAsync("x");
        _h.Control.Crash("x-0", 1);

        Assert.Equal(1, (await _h.Log.WaitForAsync<RestartScheduled>()).Attempt);
        Assert.Equal([HealingRecordKind.ManualRestart, HealingRecordKind.FailureDetected, HealingRecordKind.RestartScheduled], await _h.KindsAsync("x"));
    }

    [Fact]
    public async Task A_manual_restart_replaces_a_scheduled_one()
    {
        _h.Builder.AddService("x");
        await _h.StartAsync();
        _h.Control.Crash("x-0", 1);
        await _h.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));

        await _h.Healer.RestartAsync("x");
        _h.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, _h.Control.Count("start:x-0"));
        Assert.Equal(ReplicaHealingPhase.Idle, _h.Status("x-0").Phase);
    }

    [Fact]
    public async Task A_manual_restart_whose_start_fails_reports_it_and_climbs_the_ladder()
    {
        _h.Builder.AddService("x");
        _h.Control.ScriptStarts("x-0", StartOutcome.ExitsWith(4));
        await _h.StartAsync();

        var error = await Assert.ThrowsAsync<ResourceStartException>(() => _h.Healer.RestartAsync("x"));

        Assert.Contains("exited with code 4", error.Message);
        Assert.Equal(1, (await _h.Log.WaitForAsync<RestartScheduled>()).Attempt);
    }

    [Fact]
    public async Task Commands_for_a_resource_that_is_not_in_the_model_fail_with_its_name()
    {
        _h.Builder.AddService("x");
        await _h.StartAsync();

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => _h.Healer.ReleaseAsync("nope"));

        Assert.Contains("'nope'", error.Message);
        Assert.Null(_h.Healer.GetStatus("nope"));
    }

    [Fact]
    public async Task After_the_healer_stops_an_exit_is_not_restarted()
    {
        _h.Builder.AddService("x");
        await _h.StartAsync();

        await _h.Healer.StopAsync();
        _h.Control.Crash("x-0", 1);
        _h.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Empty(_h.Control.Operations);
        Assert.False(_h.Healer.IsRunning);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Healer.RestartAsync("x"));
    }
}
