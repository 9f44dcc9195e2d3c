using Orchestrator.Api.Events;
using Orchestrator.Api.Healing;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Healing;

public sealed class HealerDependencyWaitTests : IAsyncLifetime
{
    private static readonly TimeSpan DatabaseDelay = TimeSpan.FromSeconds(10);

    private readonly HealerHarness _h = new();

    public async Task InitializeAsync()
    {
        var db = _h.Builder.AddService("db").WithRestartPolicy(RestartPolicy.Always, o =>
        {
            o.Tiers = [RestartTier.Immediate(DatabaseDelay), RestartTier.Quarantine()];
            o.MinUptime = TimeSpan.Zero;
        });
        _h.Builder.AddService("catalog").WaitFor(db).WithRestartPolicy(RestartPolicy.Always, o => o.MinUptime = TimeSpan.Zero);
        await _h.StartAsync();

        // The database dies, and its dependent dies with it.
        _h.Control.Crash("db-0", 137);
        await _h.Log.WaitForAsync<RestartScheduled>(e => e.Replica == "db-0");
        _h.Control.Crash("catalog-0", 1);
        await _h.WaitForPhaseAsync("catalog-0", ReplicaHealingPhase.WaitingForDependency);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Dependents_wait_instead_of_restarting_while_a_dependency_is_down()
    {
        var snapshot = _h.Snapshot("catalog-0");
        Assert.Equal((KnownResourceState.Waiting, "waiting for 'db' to recover"), (snapshot.State, snapshot.StateReason));
        Assert.Equal(("db", 0), (_h.Status("catalog-0").WaitingFor, _h.Status("catalog-0").Attempt));
        Assert.Equal([HealingRecordKind.FailureDetected, HealingRecordKind.WaitingForDependency], await _h.KindsAsync("catalog"));
        Assert.Empty(_h.Log.OfType<RestartScheduled>("catalog-0"));
        Assert.DoesNotContain("start:catalog-0", _h.Control.Operations);
    }

    [Fact]
    public async Task When_the_dependency_is_healthy_again_the_dependent_restarts_without_counting_an_attempt()
    {
        await _h.Clock.AdvanceWhenWaitingAsync(DatabaseDelay);

        await _h.Control.WaitForAsync("start:catalog-0");
        await _h.WaitForPhaseAsync("catalog-0", ReplicaHealingPhase.Idle);
        Assert.Equal(["start:db-0", "start:catalog-0"], _h.Control.Operations);
        Assert.Equal(0, _h.Status("catalog-0").Attempt);
        Assert.Equal(
            [
                HealingRecordKind.FailureDetected, HealingRecordKind.WaitingForDependency,
                HealingRecordKind.RestartStarted, HealingRecordKind.RestartSucceeded,
            ],
            await _h.KindsAsync("catalog"));
        Assert.Empty(_h.Log.OfType<RestartScheduled>("catalog-0"));
    }

    [Fact]
    public async Task A_dependent_that_fails_again_after_the_dependency_recovered_starts_its_ladder_at_the_bottom()
    {
        await _h.Clock.AdvanceWhenWaitingAsync(DatabaseDelay);
        await _h.WaitForPhaseAsync("catalog-0", ReplicaHealingPhase.Idle);

        _h.Control.Crash("catalog-0", 1);

        var scheduled = await _h.Log.WaitForAsync<RestartScheduled>(e => e.Replica == "catalog-0");
        Assert.Equal((1, 1), (scheduled.Attempt, scheduled.Tier));
    }
}
