namespace Orchestrator.Api.Http.Contracts;

/// <summary>The host's latest sample and its warning thresholds.</summary>
public sealed record HostSummary(
    double? CpuPercent,
    double? MemoryPercent,
    long? MemoryUsedBytes,
    long? MemoryTotalBytes,
    double? DiskPercent,
    long? DiskUsedBytes,
    long? DiskTotalBytes,
    HostThresholdSummary Thresholds);
