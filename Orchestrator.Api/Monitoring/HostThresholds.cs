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

    /// <exception cref="ArgumentOutOfRangeException">A threshold is outside (0, 100], or the margin is negative.</exception>
    internal void Validate()
    {
        foreach (var (name, value) in new[] { (nameof(CpuPercent), CpuPercent), (nameof(MemoryPercent), MemoryPercent), (nameof(DiskPercent), DiskPercent) })
        {
            if (value is <= 0 or > 100)
            {
                throw new ArgumentOutOfRangeException(name, value, $"The host's {name} threshold must be above 0 and at most 100.");
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegative(RecoveryMargin, nameof(RecoveryMargin));
    }
}
