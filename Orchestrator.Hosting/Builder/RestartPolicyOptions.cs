using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting;

/// <summary>The knobs of <c>WithRestartPolicy</c>; each starts at its value in <see cref="RestartPolicyDefaults"/>.</summary>
public sealed class RestartPolicyOptions
{
    /// <summary>The ladder, bottom first; replace it to change tiers, counts or delays.</summary>
    public IList<RestartTier> Tiers { get; set; } = RestartPolicyDefaults.Tiers.ToList();

    /// <summary>How long a replica must stay up and healthy before its start counts as successful.</summary>
    public TimeSpan MinUptime { get; set; } = RestartPolicyDefaults.MinUptime;

    /// <summary>How long a replica must stay up and healthy, without a failure, before its ladder starts over.</summary>
    public TimeSpan StabilityPeriod { get; set; } = RestartPolicyDefaults.StabilityPeriod;

    /// <summary>How long a graceful restart waits after SIGTERM before it kills the replica.</summary>
    public TimeSpan GracefulStopTimeout { get; set; } = RestartPolicyDefaults.GracefulStopTimeout;
}
