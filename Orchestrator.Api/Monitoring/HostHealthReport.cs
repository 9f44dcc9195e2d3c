using System.Collections.Immutable;

namespace Orchestrator.Api.Monitoring;

/// <summary>The host's latest sample, its thresholds and the alerts that are active.</summary>
/// <param name="SampledAt">When the host was last sampled; null before the first sample.</param>
/// <param name="CpuPercent">CPU use of all cores, in percent.</param>
/// <param name="MemoryPercent">Memory in use, in percent.</param>
/// <param name="MemoryTotalBytes">The host's memory.</param>
/// <param name="MemoryUsedBytes">The memory in use (MemTotal minus MemAvailable).</param>
/// <param name="DiskPercent">Use of the watched file system, in percent.</param>
/// <param name="DiskTotalBytes">The watched file system's size.</param>
/// <param name="DiskUsedBytes">Its space in use.</param>
/// <param name="DiskPath">The directory whose file system is watched.</param>
/// <param name="Thresholds">The warning thresholds.</param>
/// <param name="ActiveAlerts">The metrics above their threshold now.</param>
public sealed record HostHealthReport(
    DateTimeOffset? SampledAt,
    double? CpuPercent,
    double? MemoryPercent,
    long? MemoryTotalBytes,
    long? MemoryUsedBytes,
    double? DiskPercent,
    long? DiskTotalBytes,
    long? DiskUsedBytes,
    string DiskPath,
    HostThresholds Thresholds,
    ImmutableArray<HostMetric> ActiveAlerts);
