namespace Orchestrator.Api.Monitoring;

/// <summary>How one replica is checked: the monitor's defaults with the resource's <c>WithHealthCheckOptions</c> applied.</summary>
/// <param name="Interval">The time between two checks.</param>
/// <param name="Timeout">How long one check may take before it counts as failed.</param>
/// <param name="FailureThreshold">How many liveness failures in a row mean the replica has failed.</param>
/// <param name="StartupGracePeriod">How long after a (re)start liveness failures do not count.</param>
public sealed record HealthCheckSettings(TimeSpan Interval, TimeSpan Timeout, int FailureThreshold, TimeSpan StartupGracePeriod)
{
    /// <exception cref="ArgumentOutOfRangeException">A time is not positive (the grace period may be zero), or the threshold is below 1.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Interval, TimeSpan.Zero, nameof(Interval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(FailureThreshold, 1, nameof(FailureThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(StartupGracePeriod, TimeSpan.Zero, nameof(StartupGracePeriod));
    }
}
