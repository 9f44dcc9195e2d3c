namespace Orchestrator.Api.Http.Contracts;

/// <summary>One replica: its process, state, health history and usage.</summary>
public sealed record ReplicaDetail(
    string Name,
    int Index,
    string State,
    string? StateReason,
    string? Health,
    int? Pid,
    IReadOnlyList<string> Urls,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    double? UptimeSeconds,
    int? ExitCode,
    int RestartCount,
    double? CpuPercent,
    long? RssBytes,
    IReadOnlyList<HealthCheckEntry> HealthHistory);
