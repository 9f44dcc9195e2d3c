using Orchestrator.Hosting.Health;

namespace Orchestrator.Api.Monitoring;

/// <summary>What the monitor checks on one replica, and how often.</summary>
/// <param name="Readiness">The probe that decides whether the replica takes traffic (the driver's), or null when running is enough.</param>
/// <param name="Liveness">The probe that decides whether the replica must be restarted, or null when <paramref name="Readiness"/> decides that too.</param>
/// <param name="Settings">The check timing.</param>
public sealed record ReplicaProbeSet(IHealthProbe? Readiness, IHealthProbe? Liveness, HealthCheckSettings Settings)
{
    /// <summary>The probe whose failures lead to a restart: the liveness probe, else the readiness probe.</summary>
    public IHealthProbe? EffectiveLiveness => Liveness ?? Readiness;
}
