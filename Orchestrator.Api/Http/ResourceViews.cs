using Microsoft.Extensions.Logging;
using Orchestrator.Api.Healing;
using Orchestrator.Api.Http.Contracts;
using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.EnvironmentVariables;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Http;

/// <summary>Builds what the API shows of a resource from its snapshots, the health monitor and the healer.</summary>
internal sealed class ResourceViews(
    ResourceCatalog catalog,
    ResourceNotificationService notifications,
    Healer healer,
    HealthMonitor monitor,
    ResourceRuntimeContext runtime,
    TimeProvider time,
    ILogger<ResourceViews> logger)
{
    public ResourceSummary Summary(ApiResource resource)
    {
        var snapshots = notifications.GetSnapshots(resource.Name);
        var healing = resource.IsExternal ? null : healer.GetStatus(resource.Name);
        var quarantine = healing?.Replicas.FirstOrDefault(r => r.Phase == ReplicaHealingPhase.Quarantined);
        return new ResourceSummary(
            resource.Name,
            resource.Type,
            StateOf(snapshots, healing),
            ResourceStates.WorstHealth(snapshots)?.ToString(),
            resource.Model?.GetReplicaCount() ?? snapshots.Count,
            snapshots.Count(ResourceStates.IsHealthy),
            snapshots.Sum(s => s.RestartCount),
            healing?.Circuit.ToString() ?? snapshots.Select(s => s.CircuitState).FirstOrDefault(c => c is not null),
            quarantine is not null,
            quarantine?.QuarantineReason,
            snapshots.SelectMany(s => s.Urls).ToList(),
            DependenciesOf(resource),
            resource.IsExternal,
            PhaseOf(resource));
    }

    public ResourceDetail Detail(ApiResource resource)
    {
        var summary = Summary(resource);
        var replicas = notifications.GetSnapshots(resource.Name).Select(Replica).ToList();
        var healing = resource.IsExternal ? null : healer.GetStatus(resource.Name);
        return new ResourceDetail(
            summary.Name, summary.Type, summary.State, summary.Health, replicas, summary.HealthyReplicas, summary.RestartCount,
            summary.CircuitState, summary.Quarantined, summary.QuarantineReason, summary.Urls, summary.Dependencies, summary.External,
            summary.Phase,
            EnvironmentOf(resource),
            HealingOf(healing));
    }

    /// <summary>The resource's healing in one line: the replica furthest into its healing speaks for the resource.</summary>
    public static HealingSummary HealingOf(ResourceHealingStatus? healing)
    {
        var busiest = healing?.Replicas.OrderByDescending(r => r.Phase != ReplicaHealingPhase.Idle).ThenByDescending(r => r.Attempt).FirstOrDefault();
        return new HealingSummary(
            busiest?.Phase.ToString(),
            busiest?.Attempt,
            busiest?.NextRestartAt ?? (healing?.Circuit == BreakerState.Open ? healing.CircuitOpenUntil : null),
            healing?.Circuit.ToString());
    }

    public ReplicaDetail Replica(ResourceSnapshot snapshot)
    {
        var report = monitor.GetReplicaHealth(snapshot.ReplicaName);
        var figures = ReplicaFigures.Of(snapshot, time.GetUtcNow(), report);
        return new ReplicaDetail(
            snapshot.ReplicaName,
            snapshot.ReplicaIndex,
            snapshot.State.ToString(),
            snapshot.StateReason,
            snapshot.Health?.ToString(),
            snapshot.ProcessId,
            snapshot.Urls,
            snapshot.StartedAt,
            snapshot.StoppedAt,
            figures.UptimeSeconds,
            snapshot.ExitCode,
            snapshot.RestartCount,
            figures.CpuPercent,
            figures.RssBytes,
            (report?.History ?? []).Select(c => new HealthCheckEntry(
                c.Timestamp, KindOf(c.Kind), c.Status.ToString(), Math.Round(c.Duration.TotalMilliseconds, 3), c.Error)).ToList());
    }

    public IReadOnlyList<string> DependenciesOf(ApiResource resource) =>
        resource.Model?.GetDependencies().Select(d => d.Name).ToList()
        ?? resource.Registration?.Dependencies.ToList()
        ?? [];

    public int? PhaseOf(ApiResource resource) => resource.Model is null ? null : catalog.Plan.Find(resource.Name)?.Phase;

    public static string StateOf(IReadOnlyList<ResourceSnapshot> snapshots, ResourceHealingStatus? healing) =>
        healing?.IsQuarantined == true ? nameof(KnownResourceState.Quarantined) : ResourceStates.Worst(snapshots).ToString();

    private static string KindOf(HealthCheckKind kind) =>
        kind.HasFlag(HealthCheckKind.Liveness) && !kind.HasFlag(HealthCheckKind.Readiness) ? "Liveness" : "Readiness";

    private IReadOnlyList<EnvironmentEntry> EnvironmentOf(ApiResource resource)
    {
        if (resource.Model is not { } model)
        {
            return [];
        }

        try
        {
            return EnvironmentMasker.Mask(ReplicaEnvironment.Build(model, 0, runtime));
        }
        catch (InvalidOperationException ex)
        {
            // An environment that cannot be computed yet (endpoints not allocated) is shown empty, not as an error.
            logger.LogDebug(ex, "The environment of {Resource} cannot be computed", resource.Name);
            return [];
        }
    }
}
