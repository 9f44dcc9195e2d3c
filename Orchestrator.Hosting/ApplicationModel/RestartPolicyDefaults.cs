namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>Every default number of the restart policy, in one place.</summary>
public static class RestartPolicyDefaults
{
    /// <summary>How long a replica must stay up and healthy before its start counts as successful.</summary>
    public static readonly TimeSpan MinUptime = TimeSpan.FromSeconds(10);

    /// <summary>How long a replica must stay up and healthy before its ladder starts again from the bottom.</summary>
    public static readonly TimeSpan StabilityPeriod = TimeSpan.FromMinutes(5);

    /// <summary>How long a graceful restart waits after SIGTERM before it kills the replica.</summary>
    public static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The default ladder: attempts 1-3 restart at once after 1 s, 5 s and 15 s; attempts 4-5 restart
    /// gracefully after 30 s and 60 s; attempts 6-7 restart the dependencies first, after 60 s and 120 s;
    /// attempt 8 quarantines.
    /// </summary>
    public static readonly IReadOnlyList<RestartTier> Tiers = Array.AsReadOnly(
    [
        RestartTier.Immediate(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)),
        RestartTier.Graceful(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)),
        RestartTier.RestartDependencies(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)),
        RestartTier.Quarantine(),
    ]);
}
