using System.Collections.Immutable;

namespace Orchestrator.Api.Monitoring;

/// <summary>What the health monitor knows of one replica at a moment.</summary>
/// <param name="ResourceName">The resource (<c>catalog</c>).</param>
/// <param name="ReplicaName">The replica (<c>catalog-0</c>).</param>
/// <param name="IsMonitored">True while the monitor checks the replica (it runs); false before it runs and after it stopped.</param>
/// <param name="Ready">True when the replica may take traffic: its latest readiness check passed (or it has none and runs).</param>
/// <param name="Live">True unless its liveness checks failed the threshold in a row (it awaits a restart then).</param>
/// <param name="ConsecutiveFailures">Liveness failures in a row that count (those in the startup grace period do not).</param>
/// <param name="LastCheck">The latest check, or null before the first.</param>
/// <param name="History">The latest checks, oldest first, across restarts (at most <see cref="HealthMonitorOptions.HistoryCapacity"/>).</param>
/// <param name="CpuPercent">The process's CPU use over the last interval, in percent of one core; null until two samples were taken.</param>
/// <param name="RssBytes">The process's resident memory at the last sample.</param>
/// <param name="Uptime">How long the current process has run; null when none runs.</param>
/// <param name="RestartCount">How many times the replica has been restarted.</param>
/// <param name="ReadinessProbe">What the readiness check probes, or null without one.</param>
/// <param name="LivenessProbe">What the liveness check probes (the readiness probe when there is no separate one), or null without one.</param>
/// <param name="Settings">The check timing, while monitored.</param>
public sealed record ReplicaHealthReport(
    string ResourceName,
    string ReplicaName,
    bool IsMonitored,
    bool Ready,
    bool Live,
    int ConsecutiveFailures,
    HealthCheckRecord? LastCheck,
    ImmutableArray<HealthCheckRecord> History,
    double? CpuPercent,
    long? RssBytes,
    TimeSpan? Uptime,
    int RestartCount,
    string? ReadinessProbe,
    string? LivenessProbe,
    HealthCheckSettings? Settings);
