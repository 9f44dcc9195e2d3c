using Orchestrator.Api.Healing;
using Orchestrator.Api.Http.Contracts;
using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Http;

/// <summary>
/// Sums the system up: Unhealthy when a resource failed (a stop an operator asked for is no failure),
/// Degraded when something needs watching (a replica unhealthy or healing, a host threshold crossed).
/// </summary>
internal sealed class StatusBuilder(
    ResourceCatalog catalog,
    ResourceViews views,
    ResourceNotificationService notifications,
    Healer healer,
    HealthMonitor monitor,
    ApiClock clock)
{
    public SystemStatus Build()
    {
        var errors = new List<StatusError>();
        var warnings = new List<StatusWarning>();
        var summaries = new List<ResourceSummary>();
        foreach (var resource in catalog.List())
        {
            summaries.Add(views.Summary(resource));
            var healing = resource.IsExternal ? null : healer.GetStatus(resource.Name);
            Judge(resource, notifications.GetSnapshots(resource.Name), healing, errors, warnings);
        }

        var host = monitor.GetHostReport();
        foreach (var alert in host.ActiveAlerts)
        {
            warnings.Add(new StatusWarning(null, $"host {alert.ToString().ToLowerInvariant()} use is above its threshold"));
        }

        var status = errors.Count > 0 ? "Unhealthy" : warnings.Count > 0 ? "Degraded" : "Healthy";
        return new SystemStatus(status, clock.Now, clock.UptimeSeconds, summaries, errors, warnings, Performance(), Host(host));
    }

    public PerformanceSummary Performance()
    {
        var checks = HealthChecks();
        var restarts = notifications.GetSnapshots().Sum(s => s.RestartCount);
        return new PerformanceSummary(checks.P50Ms, checks.P99Ms, checks.Total, checks.Failed,
            checks.Total == 0 ? 0 : Math.Round((double)checks.Failed / checks.Total, 4), restarts);
    }

    public HealthCheckCounts HealthChecks()
    {
        var history = monitor.GetReplicaHealthReports().SelectMany(r => r.History).ToList();
        var durations = history.Select(c => c.Duration.TotalMilliseconds).Order().ToList();
        return new HealthCheckCounts(history.Count, history.Count(c => !c.IsHealthy), Percentiles.Of(durations, 50), Percentiles.Of(durations, 99));
    }

    private static void Judge(ApiResource resource, IReadOnlyList<ResourceSnapshot> snapshots, ResourceHealingStatus? healing,
        List<StatusError> errors, List<StatusWarning> warnings)
    {
        foreach (var snapshot in snapshots)
        {
            var reason = snapshot.StateReason is { Length: > 0 } r ? $": {r}" : string.Empty;
            switch (snapshot.State)
            {
                case KnownResourceState.Quarantined or KnownResourceState.FailedToStart or KnownResourceState.RuntimeUnhealthy
                    or KnownResourceState.Blocked:
                case KnownResourceState.Exited when !ResourceStates.WasStopped(snapshot):
                    errors.Add(new StatusError(resource.Name, $"{snapshot.ReplicaName} is {snapshot.State}{reason}"));
                    break;
                case KnownResourceState.Running when snapshot.Health is HealthStatus.Unhealthy or HealthStatus.Degraded:
                    warnings.Add(new StatusWarning(resource.Name, $"{snapshot.ReplicaName} is {snapshot.Health}"));
                    break;
                case KnownResourceState.Waiting or KnownResourceState.Starting or KnownResourceState.Stopping:
                    warnings.Add(new StatusWarning(resource.Name, $"{snapshot.ReplicaName} is {snapshot.State}{reason}"));
                    break;
            }
        }

        if (healing is { Circuit: not BreakerState.Closed })
        {
            warnings.Add(new StatusWarning(resource.Name, $"its restart circuit is {healing.Circuit}"));
        }
    }

    private static HostSummary Host(HostHealthReport host) => new(
        Round(host.CpuPercent), Round(host.MemoryPercent), host.MemoryUsedBytes, host.MemoryTotalBytes,
        Round(host.DiskPercent), host.DiskUsedBytes, host.DiskTotalBytes,
        new HostThresholdSummary(host.Thresholds.CpuPercent, host.Thresholds.MemoryPercent, host.Thresholds.DiskPercent));

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
