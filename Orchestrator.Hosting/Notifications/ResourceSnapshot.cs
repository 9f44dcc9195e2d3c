using System.Collections.Immutable;

namespace Orchestrator.Hosting.Notifications;

/// <summary>
/// The state of one replica of a resource at a moment. Immutable: every change publishes a new
/// snapshot made with <c>with</c>.
/// </summary>
/// <param name="ResourceName">The resource (<c>catalog</c>).</param>
/// <param name="ReplicaName">The replica (<c>catalog-0</c>), unique across the application.</param>
/// <param name="ReplicaIndex">The replica's index, from 0.</param>
/// <param name="ResourceType">The resource's type (<c>project</c>, <c>executable</c>, <c>postgres</c>...).</param>
public sealed record ResourceSnapshot(string ResourceName, string ReplicaName, int ReplicaIndex, string ResourceType)
{
    /// <summary>The replica's state.</summary>
    public KnownResourceState State { get; init; } = KnownResourceState.NotStarted;

    /// <summary>Why the replica is in its state (what it waits for, why it failed), when that says more than the state.</summary>
    public string? StateReason { get; init; }

    /// <summary>The health from the latest probes, while running; null before the first probe.</summary>
    public HealthStatus? Health { get; init; }

    /// <summary>The process id, while a process runs.</summary>
    public int? ProcessId { get; init; }

    /// <summary>The replica's endpoints as URLs.</summary>
    public ImmutableArray<string> Urls { get; init; } = [];

    /// <summary>When the current process started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the last process ended.</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>The last process's exit code.</summary>
    public int? ExitCode { get; init; }

    /// <summary>How many times the replica has been restarted.</summary>
    public int RestartCount { get; init; }

    /// <summary>
    /// The state of the resource's restart circuit breaker as the healer reports it (<c>Closed</c>,
    /// <c>Open</c>, <c>HalfOpen</c>); null until the healer reports one. A replica whose circuit is not
    /// closed is out of load balancing.
    /// </summary>
    public string? CircuitState { get; init; }

    /// <summary>A monotonically increasing number per replica, so that a reader can tell newer from older.</summary>
    public long Version { get; init; }

    /// <summary>True when the state is one a process can be in.</summary>
    public bool IsActive => State is KnownResourceState.Starting or KnownResourceState.Running
        or KnownResourceState.RuntimeUnhealthy or KnownResourceState.Stopping;
}
