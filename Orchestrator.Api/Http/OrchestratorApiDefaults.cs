namespace Orchestrator.Api.Http;

/// <summary>Every default number of the control API in one place.</summary>
public static class OrchestratorApiDefaults
{
    /// <summary>The configuration section of <see cref="OrchestratorApiOptions"/>.</summary>
    public const string SectionName = "Orchestrator:Api";

    /// <summary>The address Kestrel binds: loopback only, so nothing off the machine reaches the API unless configured.</summary>
    public const string Address = "127.0.0.1";

    /// <summary>The port (0 takes any free port).</summary>
    public const int Port = 9000;

    /// <summary>Tokens a client (key or address) earns per second.</summary>
    public const int PermitPerSecond = 1000;

    /// <summary>The most tokens a client may save up.</summary>
    public const int Burst = 2000;

    /// <summary>The largest request body; larger ones get 413.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>The environment variable that overrides the port.</summary>
    public const string PortVariable = "ORCHESTRATOR_API_PORT";

    /// <summary>The environment variable that overrides the operator key (and that <c>WithOrchestratorApi()</c> passes to a resource).</summary>
    public const string OperatorKeyVariable = "ORCHESTRATOR_API_KEY";

    /// <summary>The environment variable that overrides the viewer key.</summary>
    public const string ViewerKeyVariable = "ORCHESTRATOR_VIEWER_KEY";

    /// <summary>The environment variable through which <c>WithOrchestratorApi()</c> passes the API's base URL.</summary>
    public const string UrlVariable = "ORCHESTRATOR_API_URL";

    /// <summary>How many request durations the statistics keep for their percentiles.</summary>
    public const int LatencySamples = 8192;
}
