using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Telemetry;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Telemetry;

public sealed class ResourcesGaugeTests : IDisposable
{
    private readonly TelemetryCapture _capture = new();
    private readonly ResourceNotificationService _notifications = new(NullLogger<ResourceNotificationService>.Instance);

    public void Dispose() => _capture.Dispose();

    [Fact]
    public void The_gauge_counts_replicas_in_each_state_and_reports_empty_states_as_zero()
    {
        _ = new OrchestratorInstrumentation(_capture.MeterFactory, _notifications);
        _notifications.Publish(new ResourceSnapshot("catalog", "catalog-0", 0, "project") { State = KnownResourceState.Running });
        _notifications.Publish(new ResourceSnapshot("catalog", "catalog-1", 1, "project") { State = KnownResourceState.Running });
        _notifications.Publish(new ResourceSnapshot("worker", "worker-0", 0, "project") { State = KnownResourceState.Quarantined });

        var byState = _capture.Measurements
            .Where(m => m.Instrument == OrchestratorTelemetryDefaults.ResourcesMetric)
            .ToDictionary(m => (string)m.Tags[OrchestratorTelemetryDefaults.StateTag]!, m => m.Value);

        Assert.Equal(2, byState[nameof(KnownResourceState.Running)]);
        Assert.Equal(1, byState[nameof(KnownResourceState.Quarantined)]);
        Assert.Equal(0, byState[nameof(KnownResourceState.Starting)]);
        Assert.Equal(Enum.GetValues<KnownResourceState>().Length, byState.Count);
    }
}
