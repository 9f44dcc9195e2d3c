using Orchestrator.Api.Events;
using Orchestrator.Api.Healing;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Tests.Healing;

public sealed class HealerPolicyTests : IAsyncLifetime
{
    private readonly HealerHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_replica_whose_policy_is_never_stays_down_after_a_failure()
    {
        _h.Builder.AddService("x").WithRestartPolicy(RestartPolicy.Never);
        await _h.StartAsync();

        _h.Control.Crash("x-0", 1);
        await _h.WaitForPhaseAsync("x-0", ReplicaHealingPhase.Stopped);
        _h.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Empty(_h.Control.Operations);
        Assert.Equal([HealingRecordKind.FailureDetected], await _h.KindsAsync("x"));
        Assert.Empty(_h.Log.OfType<RestartScheduled>());
    }

    [Fact]
    public async Task A_run_to_completion_resource_that_exits_with_zero_is_not_restarted_nor_counted_as_a_failure()
    {
        var migration = _h.Builder.AddService("migration");
        _h.Builder.AddService("x").WaitForCompletion(migration);
        await _h.StartAsync();

        _h.Control.Crash("migration-0", 0);
        await _h.WaitForPhaseAsync("migration-0", ReplicaHealingPhase.Stopped);
        _h.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Empty(_h.Control.Operations);
        Assert.Empty(await _h.KindsAsync("migration"));
        Assert.Empty(_h.Log.OfType<FailureDetected>());
    }

    [Fact]
    public async Task A_run_to_completion_resource_that_fails_is_restarted()
    {
        var migration = _h.Builder.AddService("migration");
        _h.Builder.AddService("x").WaitForCompletion(migration);
        await _h.StartAsync();

        _h.Control.Crash("migration-0", 2);

        Assert.Equal(1, (await _h.Log.WaitForAsync<RestartScheduled>()).Attempt);
    }

    [Fact]
    public async Task A_clean_exit_under_on_failure_is_not_restarted()
    {
        _h.Builder.AddService("x").WithRestartPolicy(RestartPolicy.OnFailure);
        await _h.StartAsync();

        _h.Control.Crash("x-0", 0);
        await _h.WaitForPhaseAsync("x-0", ReplicaHealingPhase.Stopped);

        Assert.Empty(_h.Control.Operations);
        Assert.Empty(await _h.KindsAsync("x"));
    }
}
