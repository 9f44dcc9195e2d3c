using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Hosting.Health;

/// <summary>The outcome of one probe.</summary>
public sealed record HealthProbeResult(DateTimeOffset Timestamp, HealthStatus Status, TimeSpan Duration, string? Error = null)
{
    public bool IsHealthy => Status == HealthStatus.Healthy;
}
