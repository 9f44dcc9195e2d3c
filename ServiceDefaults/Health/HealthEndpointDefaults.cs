namespace Microsoft.Extensions.Hosting.Health;

/// <summary>The paths, tag and names of the default health endpoints, in one place.</summary>
public static class HealthEndpointDefaults
{
    /// <summary>Readiness: every check must pass. The orchestrator probes this path (<c>WithHttpHealthCheck("/health")</c>).</summary>
    public const string HealthPath = "/health";

    /// <summary>Liveness: only the checks tagged <see cref="LiveTag"/> run, so a dependency that is down does not make the process look dead.</summary>
    public const string AlivePath = "/alive";

    /// <summary>The tag of checks that say the process itself still works.</summary>
    public const string LiveTag = "live";

    /// <summary>The name of the check that passes as long as the process answers.</summary>
    public const string SelfCheckName = "self";
}
