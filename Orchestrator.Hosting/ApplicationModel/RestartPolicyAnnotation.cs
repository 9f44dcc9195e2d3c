namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>
/// How the orchestrator restarts the resource's replicas when they fail: the policy, the escalation
/// ladder, and the times that decide when a start succeeded and when the ladder starts over.
/// Without this annotation a resource gets <see cref="Default"/>.
/// </summary>
/// <param name="Policy">When a replica is restarted at all.</param>
public sealed record RestartPolicyAnnotation(RestartPolicy Policy = RestartPolicy.Always) : IResourceAnnotation
{
    /// <summary>The policy a resource without the annotation gets: <see cref="RestartPolicy.Always"/> and the defaults.</summary>
    public static RestartPolicyAnnotation Default { get; } = new();

    /// <summary>
    /// The ladder, bottom first. A failure climbs one attempt; past the last tier the replica is
    /// quarantined when that tier is <see cref="RestartAction.Quarantine"/>, or else the last delay repeats forever.
    /// </summary>
    public IReadOnlyList<RestartTier> Tiers { get; init; } = RestartPolicyDefaults.Tiers;

    /// <summary>How long a replica must stay up and healthy before its start counts as successful.</summary>
    public TimeSpan MinUptime { get; init; } = RestartPolicyDefaults.MinUptime;

    /// <summary>How long a replica must stay up and healthy, without a failure, before its ladder starts over.</summary>
    public TimeSpan StabilityPeriod { get; init; } = RestartPolicyDefaults.StabilityPeriod;

    /// <summary>How long a graceful restart waits after SIGTERM before it kills the replica.</summary>
    public TimeSpan GracefulStopTimeout { get; init; } = RestartPolicyDefaults.GracefulStopTimeout;
}
