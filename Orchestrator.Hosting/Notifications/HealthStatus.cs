namespace Orchestrator.Hosting.Notifications;

/// <summary>The health of a running replica, from its latest probes.</summary>
public enum HealthStatus
{
    Unhealthy,
    Degraded,
    Healthy,
}
