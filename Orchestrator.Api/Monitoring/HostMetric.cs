namespace Orchestrator.Api.Monitoring;

/// <summary>A host measurement that has a warning threshold.</summary>
public enum HostMetric
{
    Cpu,
    Memory,
    Disk,
}
