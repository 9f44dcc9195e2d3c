namespace Orchestrator.Api.Monitoring;

/// <summary>One sample of the host; a value is null when it could not be read (or, for CPU, on the first sample).</summary>
/// <param name="CpuPercent">CPU use since the previous sample, in percent of all cores.</param>
/// <param name="MemoryPercent">Memory in use (MemTotal minus MemAvailable), in percent.</param>
/// <param name="MemoryTotalBytes">The host's memory.</param>
/// <param name="MemoryUsedBytes">The memory in use.</param>
/// <param name="DiskPercent">Use of the watched file system, in percent.</param>
/// <param name="DiskTotalBytes">The watched file system's size.</param>
/// <param name="DiskUsedBytes">Its space in use.</param>
public sealed record HostStats(
    double? CpuPercent,
    double? MemoryPercent,
    long? MemoryTotalBytes,
    long? MemoryUsedBytes,
    double? DiskPercent,
    long? DiskTotalBytes,
    long? DiskUsedBytes)
{
    /// <summary>A sample in which nothing could be read.</summary>
    public static HostStats Empty { get; } = new(null, null, null, null, null, null, null);
}
