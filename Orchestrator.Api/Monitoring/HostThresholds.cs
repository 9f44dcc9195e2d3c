namespace Orchestrator.Api.Monitoring;

/// <summary>The host's warning thresholds, in percent. Defaults are in <see cref="MonitoringDefaults"/>.</summary>
public sealed record HostThresholds
{
    /// <summary>CPU use of all cores above which an alert is raised.</summary>
    public double CpuPercent { get; init; } = MonitoringDefaults.CpuWarningPercent;

    /// <summary>Memory use (total minus available) above which an alert is raised.</summary>
    public double MemoryPercent { get; init; } = MonitoringDefaults.MemoryWarningPercent;

    /// <summary>Disk use of the state directory's file system above which an alert is raised.</summary>
    public double DiskPercent { get; init; } = MonitoringDefaults.DiskWarningPercent;

    /// <summary>How many percentage points under its threshold a metric must fall to count as recovered.</summary>
    public double RecoveryMargin { get; init; } = MonitoringDefaults.RecoveryMargin;
}
