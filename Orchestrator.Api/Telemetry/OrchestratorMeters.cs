using System.Diagnostics.Metrics;
using Orchestrator.Hosting.Notifications;
using static Orchestrator.Api.Telemetry.OrchestratorTelemetryDefaults;

namespace Orchestrator.Api.Telemetry;

/// <summary>The orchestrator's instruments, made by its host's meter factory so that another host in the process never shares them.</summary>
internal sealed class OrchestratorMeters
{
    public OrchestratorMeters(IMeterFactory meterFactory, ResourceNotificationService notifications)
    {
        var meter = meterFactory.Create(MeterName);
        Restarts = meter.CreateCounter<long>(RestartsMetric, "{restart}", "Restarts begun by the healer, by tier of the restart ladder.");
        Quarantines = meter.CreateCounter<long>(QuarantinesMetric, "{replica}", "Replicas quarantined after exhausting their restart ladder.");
        HealthCheckDuration = meter.CreateHistogram<double>(HealthCheckDurationMetric, "s", "How long each health check of a replica took.");
        LaunchDuration = meter.CreateHistogram<double>(LaunchDurationMetric, "s", "How long a launch took, from the first phase to every resource healthy.");
        meter.CreateObservableGauge(ResourcesMetric, () => CountByState(notifications), "{replica}", "Replicas in each state.");
    }

    public Counter<long> Restarts { get; }

    public Counter<long> Quarantines { get; }

    public Histogram<double> HealthCheckDuration { get; }

    public Histogram<double> LaunchDuration { get; }

    // Every state is reported, zeros included, so that a state that empties shows 0 instead of its last count.
    private static IEnumerable<Measurement<int>> CountByState(ResourceNotificationService notifications)
    {
        var counts = notifications.GetSnapshots().CountBy(s => s.State).ToDictionary();
        return Enum.GetValues<KnownResourceState>().Select(state =>
            new Measurement<int>(counts.GetValueOrDefault(state), new KeyValuePair<string, object?>(StateTag, state.ToString())));
    }
}
