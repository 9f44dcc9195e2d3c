namespace Orchestrator.Api.Healing;

/// <summary>
/// What the restart ladder remembers about one replica. Immutable: each event makes a new state,
/// so the healer can keep it in a dictionary and the tests can drive it without a process or a clock.
/// </summary>
public sealed record ReplicaRestartState
{
    /// <summary>A replica that has never failed.</summary>
    public static ReplicaRestartState Initial { get; } = new();

    /// <summary>The failures counted on the current ladder: the attempt that the last failure led to.</summary>
    public int Attempts { get; init; }

    /// <summary>When the current process started, while one runs.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Since when the current process has been healthy without a break, while it is.</summary>
    public DateTimeOffset? HealthySince { get; init; }

    /// <summary>When the last process ended.</summary>
    public DateTimeOffset? LastExitAt { get; init; }

    /// <summary>The last process's exit code; null when it was killed or stopped for failing its health checks.</summary>
    public int? LastExitCode { get; init; }

    /// <summary>When the replica last failed.</summary>
    public DateTimeOffset? LastFailureAt { get; init; }

    /// <summary>When the replica was quarantined, while it is.</summary>
    public DateTimeOffset? QuarantinedAt { get; init; }

    /// <summary>True while a process runs.</summary>
    public bool IsRunning => StartedAt is not null;

    /// <summary>True while the replica is quarantined.</summary>
    public bool IsQuarantined => QuarantinedAt is not null;

    /// <summary>A process of the replica started.</summary>
    public ReplicaRestartState OnStarted(DateTimeOffset now) => this with { StartedAt = now, HealthySince = null };

    /// <summary>
    /// The replica is healthy (for a resource without health checks: its process is running). Only the
    /// first call of a healthy stretch matters: the uptime that counts is measured from it.
    /// </summary>
    public ReplicaRestartState OnHealthy(DateTimeOffset now) =>
        IsRunning && HealthySince is null ? this with { HealthySince = now } : this;

    /// <summary>
    /// The replica lost its health without failing (yet). Its healthy stretch is over, so a start
    /// waiting to count as successful, or a ladder waiting to start over, waits again from the next healthy probe.
    /// </summary>
    public ReplicaRestartState OnUnhealthy() => this with { HealthySince = null };

    /// <summary>The replica's process ended (or was declared failed) at <paramref name="now"/>.</summary>
    internal ReplicaRestartState OnExited(DateTimeOffset now, int? exitCode) =>
        this with { StartedAt = null, HealthySince = null, LastExitAt = now, LastExitCode = exitCode };

    /// <summary>The replica exhausted its ladder.</summary>
    public ReplicaRestartState OnQuarantined(DateTimeOffset now) => this with { QuarantinedAt = now };

    /// <summary>A user released the replica from quarantine: its ladder starts again from the bottom.</summary>
    public ReplicaRestartState Release() => this with { QuarantinedAt = null, Attempts = 0 };
}
