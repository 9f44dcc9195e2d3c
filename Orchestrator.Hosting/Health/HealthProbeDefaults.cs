namespace Orchestrator.Hosting.Health;

/// <summary>Every default number of the health probes, in one place.</summary>
public static class HealthProbeDefaults
{
    /// <summary>How long one probe may take before it counts as unhealthy: 2 s.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The status code an HTTP probe expects unless told otherwise: 200.</summary>
    public const int HttpExpectedStatus = 200;

    /// <summary>The paths an HTTP probe without a path tries, in order.</summary>
    public static IReadOnlyList<string> HttpCandidatePaths { get; } = Array.AsReadOnly(["/health", "/api/health", "/status", "/ping"]);
}
