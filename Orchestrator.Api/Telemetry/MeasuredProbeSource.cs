using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Telemetry;

/// <summary>
/// Hands the health monitor the same probes as <paramref name="inner"/>, each timed into the health-check duration
/// histogram. A decorator, so the monitor itself knows nothing of metrics.
/// </summary>
internal sealed class MeasuredProbeSource(IReplicaProbeSource inner, OrchestratorInstrumentation instrumentation) : IReplicaProbeSource
{
    public ReplicaProbeSet GetProbes(ResourceSnapshot snapshot)
    {
        var probes = inner.GetProbes(snapshot);
        return probes with
        {
            Readiness = Measure(probes.Readiness, snapshot.ResourceName, "readiness"),
            Liveness = Measure(probes.Liveness, snapshot.ResourceName, "liveness"),
        };
    }

    private IHealthProbe? Measure(IHealthProbe? probe, string resource, string kind) =>
        probe is null ? null : new MeasuredProbe(probe, resource, kind, instrumentation);

    private sealed class MeasuredProbe(IHealthProbe inner, string resource, string kind, OrchestratorInstrumentation instrumentation) : IHealthProbe
    {
        public string Description => inner.Description;

        public async Task<HealthProbeResult> ProbeAsync(CancellationToken cancellationToken)
        {
            var result = await inner.ProbeAsync(cancellationToken).ConfigureAwait(false);
            instrumentation.HealthCheckCompleted(resource, kind, result.Status, result.Duration);
            return result;
        }
    }
}
