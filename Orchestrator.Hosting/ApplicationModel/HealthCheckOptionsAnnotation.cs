namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>
/// How often and how patiently the health monitor checks the resource's replicas. A null value keeps
/// the monitor's default for it.
/// </summary>
/// <param name="Interval">The time between two checks of a replica.</param>
/// <param name="Timeout">How long one check may take before it counts as failed.</param>
/// <param name="FailureThreshold">How many liveness failures in a row mean the replica has failed (and is restarted).</param>
/// <param name="StartupGracePeriod">How long after a (re)start liveness failures do not count.</param>
public sealed record HealthCheckOptionsAnnotation(
    TimeSpan? Interval = null,
    TimeSpan? Timeout = null,
    int? FailureThreshold = null,
    TimeSpan? StartupGracePeriod = null) : IResourceAnnotation;
