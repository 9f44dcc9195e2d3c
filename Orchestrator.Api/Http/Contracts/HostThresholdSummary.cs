namespace Orchestrator.Api.Http.Contracts;

/// <summary>The host's warning thresholds, in percent.</summary>
public sealed record HostThresholdSummary(double CpuPercent, double MemoryPercent, double DiskPercent);
