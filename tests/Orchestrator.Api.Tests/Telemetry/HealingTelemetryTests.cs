using System.Diagnostics;
using Orchestrator.Api.Healing;
using Orchestrator.Api.Telemetry;
using Orchestrator.Api.Tests.Healing;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Tests.Telemetry;

public sealed class HealingTelemetryTests : IAsyncLifetime
{
    private readonly TelemetryCapture _capture = new();
    private readonly HealerHarness _h = new();

    public Task InitializeAsync()
    {
        _h.Telemetry = new OrchestratorInstrumentation(_capture.MeterFactory, _h.Notifications);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        _capture.Dispose();
    }

    [Fact]
    public async Task A_restart_is_a_root_span_linked_to_the_failure_that_caused_it_and_is_counted_under_its_tier()
    {
        // Names of this test's own: spans are process-wide and other tests heal replicas at the same time.
        _h.Builder.AddService("telemetry-restart");
        await _h.StartAsync();

        _h.Control.Crash("telemetry-restart-0", 3);
        await _h.Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        await _h.Control.WaitForAsync("start:telemetry-restart-0");

        var failure = Assert.Single(_capture.Named("failure telemetry-restart-0"));
        var restart = Assert.Single(_capture.Named("restart telemetry-restart-0"));
        Assert.Equal(ActivityStatusCode.Error, failure.Status);
        Assert.Equal("3", failure.GetTagItem("process.exit.code")?.ToString());
        Assert.Null(restart.Parent);
        Assert.NotEqual(failure.TraceId, restart.TraceId);
        Assert.Equal(failure.Context.SpanId, Assert.Single(restart.Links).Context.SpanId);
        Assert.Equal("1", restart.GetTagItem(OrchestratorTelemetryDefaults.TierTag));
        var counted = Assert.Single(_capture.Measurements, m => m.Instrument == OrchestratorTelemetryDefaults.RestartsMetric);
        Assert.Equal((1d, "1", "Immediate"), (counted.Value, counted.Tags[OrchestratorTelemetryDefaults.TierTag], counted.Tags[OrchestratorTelemetryDefaults.ActionTag]));
    }

    [Fact]
    public async Task A_graceful_restart_has_its_own_span_name()
    {
        _h.Builder.AddService("telemetry-graceful").WithRestartPolicy(RestartPolicy.Always, o =>
            o.Tiers = [RestartTier.Graceful(TimeSpan.FromSeconds(2)), RestartTier.Quarantine()]);
        await _h.StartAsync();

        _h.Control.Crash("telemetry-graceful-0", 1);
        await _h.Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(2));
        await _h.Control.WaitForAsync("start:telemetry-graceful-0");

        var restart = Assert.Single(_capture.Named("graceful restart telemetry-graceful-0"));
        Assert.Single(restart.Links);
    }

    [Fact]
    public async Task A_quarantine_is_a_span_linked_to_the_last_failure_and_is_counted()
    {
        _h.Builder.AddService("telemetry-quarantine").WithRestartPolicy(RestartPolicy.Always, o => o.Tiers = [RestartTier.Quarantine()]);
        await _h.StartAsync();

        _h.Control.Crash("telemetry-quarantine-0", 1);
        await _h.WaitForPhaseAsync("telemetry-quarantine-0", ReplicaHealingPhase.Quarantined);

        var failure = Assert.Single(_capture.Named("failure telemetry-quarantine-0"));
        var quarantine = Assert.Single(_capture.Named("quarantine telemetry-quarantine-0"));
        Assert.Equal(failure.Context.SpanId, Assert.Single(quarantine.Links).Context.SpanId);
        var counted = Assert.Single(_capture.Measurements, m => m.Instrument == OrchestratorTelemetryDefaults.QuarantinesMetric);
        Assert.Equal("telemetry-quarantine", counted.Tags[OrchestratorTelemetryDefaults.ResourceTag]);
        Assert.DoesNotContain(_capture.Measurements, m => m.Instrument == OrchestratorTelemetryDefaults.RestartsMetric);
    }
}
