using Orchestrator.Api.Events;
using Orchestrator.Api.Healing;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Healing;

public sealed class HealerQuarantineTests : IAsyncLifetime
{
    private readonly HealerHarness _h = new();

    public async Task InitializeAsync()
    {
        _h.Builder.AddService("x").WithRestartPolicy(RestartPolicy.Always, o =>
        {
            o.Tiers = [RestartTier.Immediate(TimeSpan.FromSeconds(1)), RestartTier.Quarantine()];
            o.MinUptime = TimeSpan.Zero;
        });
        _h.Builder.AddService("bystander");
        _h.Control.ScriptStarts("x-0", StartOutcome.ExitsWith(1));
        _h.Control.SetLogTail("x", "connecting to the database", "fatal: no configuration file");
        await _h.StartAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Quarantines_after_the_last_tier_fails_with_the_reason_and_the_last_output()
    {
        await ClimbToQuarantineAsync();

        var quarantined = await _h.Log.WaitForAsync<Quarantined>();
        Assert.Equal(2, quarantined.Attempts);
        var snapshot = _h.Snapshot("x-0");
        Assert.Equal(KnownResourceState.Quarantined, snapshot.State);
        Assert.Contains("fatal: no configuration file", snapshot.StateReason);
        var status = _h.Status("x-0");
        Assert.Contains("ladder is exhausted", status.QuarantineReason);
        Assert.Equal(["connecting to the database", "fatal: no configuration file"], status.LastLogLines.ToArray());
        Assert.True(_h.Healer.GetStatus("x")!.IsQuarantined);
        Assert.Equal(
            [
                HealingRecordKind.FailureDetected, HealingRecordKind.RestartScheduled, HealingRecordKind.RestartStarted,
                HealingRecordKind.RestartFailed, HealingRecordKind.FailureDetected, HealingRecordKind.Quarantined,
            ],
            await _h.KindsAsync("x"));
    }

    [Fact]
    public async Task A_quarantined_replica_is_not_restarted_and_the_others_keep_running()
    {
        await ClimbToQuarantineAsync();

        _h.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, _h.Control.Count("start:x-0"));
        Assert.Equal(KnownResourceState.Quarantined, _h.Snapshot("x-0").State);
        Assert.Equal(KnownResourceState.Running, _h.Snapshot("bystander-0").State);
    }

    [Fact]
    public async Task A_manual_restart_of_a_quarantined_replica_is_refused()
    {
        await ClimbToQuarantineAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Healer.RestartAsync("x"));

        Assert.Contains("quarantined", error.Message);
        Assert.Equal(1, _h.Control.Count("start:x-0"));
    }

    [Fact]
    public async Task Release_starts_the_replica_and_its_ladder_starts_over()
    {
        await ClimbToQuarantineAsync();

        await _h.Healer.ReleaseAsync("x");

        Assert.Equal(2, _h.Control.Count("start:x-0"));
        Assert.Equal(KnownResourceState.Running, _h.Snapshot("x-0").State);
        Assert.Equal((ReplicaHealingPhase.Idle, 0), (_h.Status("x-0").Phase, _h.Status("x-0").Attempt));
        Assert.Equal(HealingRecordKind.Released, (await _h.KindsAsync("x"))[^1]);
        await _h.Log.WaitForAsync<Released>(e => e.Replica == "x-0");

        _h.Control.Crash("x-0", 1);
        Assert.Equal(1, (await _h.Log.WaitForAsync<RestartScheduled>(count: 2)).Attempt);
    }

    private async Task ClimbToQuarantineAsync()
    {
        _h.Control.Crash("x-0", 1);
        await _h.Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        await _h.WaitForPhaseAsync("x-0", ReplicaHealingPhase.Quarantined);
    }
}
