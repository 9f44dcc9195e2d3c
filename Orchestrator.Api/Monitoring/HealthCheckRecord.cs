using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Monitoring;

/// <summary>One check of one replica, as its history keeps it.</summary>
/// <param name="Timestamp">When the check began.</param>
/// <param name="Kind">What the check decides.</param>
/// <param name="Status">Its result.</param>
/// <param name="Duration">How long the replica took to answer.</param>
/// <param name="Error">Why it failed; null when healthy.</param>
public sealed record HealthCheckRecord(DateTimeOffset Timestamp, HealthCheckKind Kind, HealthStatus Status, TimeSpan Duration, string? Error = null)
{
    /// <summary>True when the check passed.</summary>
    public bool IsHealthy => Status == HealthStatus.Healthy;
}
