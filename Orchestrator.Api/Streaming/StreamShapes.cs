using System.Collections.Immutable;
using Orchestrator.Api.Healing;
using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Streaming;

/// <summary>Shapes snapshots, healing and usage into the stream's messages. Pure: everything comes in as arguments.</summary>
internal static class StreamShapes
{
    public const string ExternalType = "external";

    // The first state found among the replicas names the resource's: a resource is as bad as its worst replica.
    private static readonly KnownResourceState[] WorstFirst =
    [
        KnownResourceState.Quarantined,
        KnownResourceState.FailedToStart,
        KnownResourceState.RuntimeUnhealthy,
        KnownResourceState.Exited,
        KnownResourceState.Blocked,
        KnownResourceState.Stopping,
        KnownResourceState.Waiting,
        KnownResourceState.Starting,
        KnownResourceState.NotStarted,
        KnownResourceState.Running,
        KnownResourceState.Finished,
    ];

    public static StreamReplica Replica(ResourceSnapshot snapshot, DateTimeOffset now, ReplicaHealthReport? report)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var running = snapshot is { IsActive: true, StartedAt: not null };
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
            running ? Math.Round(Math.Max(0, (now - snapshot.StartedAt!.Value).TotalSeconds), 3) : null,
            snapshot.ExitCode,
            snapshot.RestartCount,
            snapshot.CircuitState,
            running ? report?.CpuPercent : null,
            running ? report?.RssBytes : null);
    }

    public static StreamResource Resource(
        IReadOnlyList<ResourceSnapshot> snapshots,
        ImmutableArray<StreamReplica> replicas,
        ResourceHealingStatus? healing,
        ImmutableArray<string> dependencies,
        int? phase)
    {
        ArgumentOutOfRangeException.ThrowIfZero(snapshots.Count);
        var first = snapshots[0];
        var quarantined = snapshots.FirstOrDefault(s => s.State == KnownResourceState.Quarantined);
        var quarantinedByHealer = healing?.Replicas.FirstOrDefault(r => r.Phase == ReplicaHealingPhase.Quarantined);
        var state = WorstFirst.First(s => snapshots.Any(r => r.State == s) || s == KnownResourceState.Finished);
        return new StreamResource(
            first.ResourceName,
            first.ResourceType,
            quarantinedByHealer is not null ? nameof(KnownResourceState.Quarantined) : state.ToString(),
            snapshots.Select(s => s.Health).Where(h => h is not null).Min()?.ToString(),
            replicas,
            snapshots.Count(s => s.State == KnownResourceState.Running && s.Health is null or HealthStatus.Healthy),
            snapshots.Sum(s => s.RestartCount),
            healing?.Circuit.ToString() ?? snapshots.Select(s => s.CircuitState).FirstOrDefault(c => c is not null),
            quarantined is not null || quarantinedByHealer is not null,
            quarantinedByHealer?.QuarantineReason ?? quarantined?.StateReason,
            [.. snapshots.SelectMany(s => s.Urls)],
            dependencies,
            first.ResourceType == ExternalType,
            phase,
            healing is null ? null : Healing(healing));
    }

    public static UsageMessage Usage(DateTimeOffset now, IEnumerable<ReplicaHealthReport> reports, StreamFilter filter) =>
        new(now, [.. reports
            .Where(r => r.IsMonitored && filter.AcceptsResource(r.ResourceName))
            .Select(r => new UsageEntry(r.ResourceName, r.ReplicaName, r.CpuPercent, r.RssBytes))]);

    private static StreamHealing Healing(ResourceHealingStatus healing)
    {
        var active = healing.Replicas.Where(r => r.Phase != ReplicaHealingPhase.Idle).ToList();
        return new StreamHealing(
            active.Count == 0 ? null : active.Max(r => r.Phase).ToString(),
            active.Count == 0 ? null : active.Max(r => r.Attempt),
            active.Select(r => r.NextRestartAt).Where(t => t is not null).Min(),
            healing.Circuit.ToString());
    }
}
