namespace Orchestrator.Api.Monitoring;

/// <summary>Every default number of the health monitor, in one place.</summary>
public static class MonitoringDefaults
{
    /// <summary>The time between two checks of a replica: 5 s.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>How long one check may take before it counts as failed: 2 s.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The width of the time slots in which checks are batched: 250 ms. A check may run up to this
    /// much early, with the first check of its slot, so that many replicas wake the process once.
    /// </summary>
    public static readonly TimeSpan CheckBatchSlot = TimeSpan.FromMilliseconds(250);

    /// <summary>How many liveness failures in a row mean a replica has failed: 3, as in Kubernetes.</summary>
    public const int FailureThreshold = 3;

    /// <summary>How long after a (re)start liveness failures do not count: 10 s, long enough for a service to warm up.</summary>
    public static readonly TimeSpan StartupGracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>How many checks each replica's history keeps: 100.</summary>
    public const int HistoryCapacity = 100;

    /// <summary>The time between two samples of the host's CPU, memory and disk: 5 s.</summary>
    public static readonly TimeSpan HostSampleInterval = TimeSpan.FromSeconds(5);

    /// <summary>The host CPU use, in percent of all cores, above which an alert is raised: 80.</summary>
    public const double CpuWarningPercent = 80;

    /// <summary>The host memory use, in percent, above which an alert is raised: 80.</summary>
    public const double MemoryWarningPercent = 80;

    /// <summary>The state directory's disk use, in percent, above which an alert is raised: 90.</summary>
    public const double DiskWarningPercent = 90;

    /// <summary>
    /// How far, in percentage points, a metric must fall under its threshold before it counts as
    /// recovered: 5. Without it a value hovering at the threshold would raise an alert every sample.
    /// </summary>
    public const double RecoveryMargin = 5;

    /// <summary>
    /// The unit of the CPU times in /proc (USER_HZ): 100 per second on every Linux architecture
    /// .NET runs on, whatever the kernel's own tick rate.
    /// </summary>
    public const int ClockTicksPerSecond = 100;
}
