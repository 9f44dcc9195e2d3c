namespace Orchestrator.Api.Monitoring;

/// <summary>
/// How the health monitor checks replicas and samples the host. Defaults are in
/// <see cref="MonitoringDefaults"/>; a resource's <c>WithHealthCheckOptions</c> overrides the check timing for it.
/// </summary>
public sealed record HealthMonitorOptions
{
    /// <summary>The time between two checks of a replica, unless the resource says otherwise.</summary>
    public TimeSpan Interval { get; init; } = MonitoringDefaults.Interval;

    /// <summary>How long one check may take before it counts as failed, unless the resource says otherwise.</summary>
    public TimeSpan Timeout { get; init; } = MonitoringDefaults.Timeout;

    /// <summary>How many liveness failures in a row mean a replica has failed, unless the resource says otherwise.</summary>
    public int FailureThreshold { get; init; } = MonitoringDefaults.FailureThreshold;

    /// <summary>How long after a (re)start liveness failures do not count, unless the resource says otherwise.</summary>
    public TimeSpan StartupGracePeriod { get; init; } = MonitoringDefaults.StartupGracePeriod;

    /// <summary>How many checks each replica's history keeps.</summary>
    public int HistoryCapacity { get; init; } = MonitoringDefaults.HistoryCapacity;

    /// <summary>The time between two samples of the host.</summary>
    public TimeSpan HostSampleInterval { get; init; } = MonitoringDefaults.HostSampleInterval;

    /// <summary>The host's warning thresholds.</summary>
    public HostThresholds HostThresholds { get; init; } = new();

    /// <summary>The directory whose file system's use is watched; the state directory when null.</summary>
    public string? DiskPath { get; init; }

    /// <summary>The check timing a resource without <c>WithHealthCheckOptions</c> gets.</summary>
    public HealthCheckSettings DefaultCheckSettings => new(Interval, Timeout, FailureThreshold, StartupGracePeriod);

    /// <exception cref="ArgumentOutOfRangeException">A time, the threshold or the history capacity is out of range.</exception>
    internal void Validate()
    {
        DefaultCheckSettings.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(HistoryCapacity, 1, nameof(HistoryCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HostSampleInterval, TimeSpan.Zero, nameof(HostSampleInterval));
        ArgumentNullException.ThrowIfNull(HostThresholds, nameof(HostThresholds));
        HostThresholds.Validate();
    }
}
