using System.Collections.Immutable;
using Orchestrator.Api.Healing;
using Orchestrator.Api.Http;
using Orchestrator.Api.Http.Contracts;
using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Streaming;

/// <summary>Shapes snapshots, healing and usage into the stream's messages. Pure: everything comes in as arguments.</summary>
internal static class StreamShapes
{
    public static StreamReplica Replica(ResourceSnapshot snapshot, DateTimeOffset now, ReplicaHealthReport? report)
    {
        var figures = ReplicaFigures.Of(snapshot, now, report);
        return new StreamReplica(
            snapshot.ResourceName,
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
            snapshot.CircuitState,
            figures.CpuPercent,
            figures.RssBytes);
    }

    /// <summary>A resource as the API's resource detail shows it (the same worst state, health and healing), without health history and environment.</summary>
    public static StreamResource Resource(
        IReadOnlyList<ResourceSnapshot> snapshots,
        ImmutableArray<StreamReplica> replicas,
        ResourceHealingStatus? healing,
        ImmutableArray<string> dependencies,
        int? phase)
    {
        ArgumentOutOfRangeException.ThrowIfZero(snapshots.Count);
        var first = snapshots[0];
        var quarantinedByHealer = healing?.Replicas.FirstOrDefault(r => r.Phase == ReplicaHealingPhase.Quarantined);
        var quarantined = snapshots.FirstOrDefault(s => s.State == KnownResourceState.Quarantined);
        return new StreamResource(
            first.ResourceName,
            ResourceCatalog.TypeOf(first.ResourceType),
            ResourceViews.StateOf(snapshots, healing),
            ResourceStates.WorstHealth(snapshots)?.ToString(),
            replicas,
            snapshots.Count(ResourceStates.IsHealthy),
            snapshots.Sum(s => s.RestartCount),
            healing?.Circuit.ToString() ?? snapshots.Select(s => s.CircuitState).FirstOrDefault(c => c is not null),
            quarantinedByHealer is not null || quarantined is not null,
            quarantinedByHealer?.QuarantineReason ?? quarantined?.StateReason,
            [.. snapshots.SelectMany(s => s.Urls)],
            dependencies,
            first.ResourceType == ResourceCatalog.ExternalType,
            phase,
            healing is null ? null : ResourceViews.HealingOf(healing));
    }

    public static UsageMessage Usage(DateTimeOffset now, IEnumerable<ReplicaHealthReport> reports, StreamFilter filter) =>
        new(now, [.. reports
            .Where(r => r.IsMonitored && filter.AcceptsResource(r.ResourceName))
            .Select(r => new UsageEntry(r.ResourceName, r.ReplicaName, r.CpuPercent, r.RssBytes))]);
}
