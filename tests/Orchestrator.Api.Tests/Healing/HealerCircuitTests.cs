using Orchestrator.Api.Events;
using Orchestrator.Api.Healing;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Tests.Healing;

public sealed class HealerCircuitTests : IAsyncLifetime
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    private readonly HealerHarness _h = new();

    public async Task InitializeAsync()
    {
        _h.Options = _h.Options with
        {
            CircuitBreaker = new RestartCircuitBreakerOptions
            {
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromMinutes(10),
                BreakDuration = BreakDuration,
            },
        };
        _h.Builder.AddService("x").WithRestartPolicy(RestartPolicy.Always, o =>
        {
            o.Tiers = [RestartTier.Immediate(Second, Second, Second, Second), RestartTier.Quarantine()];
            o.MinUptime = TimeSpan.Zero;
        });
        _h.Control.ScriptStarts("x-0", StartOutcome.ExitsWith(1), StartOutcome.ExitsWith(1));
        await _h.StartAsync();

        // Two restarts fail in a row: the circuit opens.
        _h.Control.Crash("x-0", 1);
        await _h.Clock.AdvanceWhenWaitingAsync(Second);
        await _h.Clock.AdvanceWhenWaitingAsync(Second);
        await _h.Log.WaitForAsync<CircuitChanged>(e => e.State == BreakerState.Open);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task An_open_circuit_is_journaled_and_shows_in_the_snapshot_and_the_status()
    {
        await _h.WaitForPhaseAsync("x-0", ReplicaHealingPhase.Scheduled);

        Assert.Contains(HealingRecordKind.CircuitOpened, await _h.KindsAsync("x"));
        Assert.Equal("Open", _h.Snapshot("x-0").CircuitState);
        var status = _h.Healer.GetStatus("x")!;
        Assert.Equal(BreakerState.Open, status.Circuit);
        Assert.True(status.IsOutOfRotation);
        Assert.Equal(_h.Clock.GetUtcNow() + BreakDuration, status.CircuitOpenUntil);
    }

    [Fact]
    public async Task A_restart_due_while_the_circuit_is_open_waits_for_the_break_to_end()
    {
        await _h.Clock.AdvanceWhenWaitingAsync(Second);
        await _h.WaitForPhaseAsync("x-0", ReplicaHealingPhase.WaitingForCircuit);

        Assert.Equal(2, _h.Control.Count("start:x-0"));
        Assert.Equal(3, _h.Status("x-0").Attempt);
        await _h.Clock.WaitForTimerAsync(BreakDuration - Second);
    }

    [Fact]
    public async Task After_the_break_one_restart_tries_and_its_success_closes_the_circuit()
    {
        await _h.Clock.AdvanceWhenWaitingAsync(Second);
        await _h.WaitForPhaseAsync("x-0", ReplicaHealingPhase.WaitingForCircuit);

        await _h.Clock.AdvanceWhenWaitingAsync(BreakDuration - Second);

        await _h.Log.WaitForAsync<CircuitChanged>(e => e.State == BreakerState.Closed);
        Assert.Equal(3, _h.Control.Count("start:x-0"));
        Assert.Equal(
            [BreakerState.Open, BreakerState.HalfOpen, BreakerState.Closed],
            _h.Log.OfType<CircuitChanged>().Select(e => e.State));
        Assert.Equal(
            [HealingRecordKind.CircuitOpened, HealingRecordKind.CircuitHalfOpened, HealingRecordKind.CircuitClosed],
            (await _h.KindsAsync("x")).Where(k => k.ToString().StartsWith("Circuit", StringComparison.Ordinal)));
        Assert.Equal("Closed", _h.Snapshot("x-0").CircuitState);
        Assert.False(_h.Healer.GetStatus("x")!.IsOutOfRotation);
    }
}
