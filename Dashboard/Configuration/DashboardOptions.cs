namespace Dashboard.Configuration;

/// <summary>
/// What the dashboard needs to run, from its environment: the orchestrator's API and the browser token.
/// The AppHost injects all three; the key and the token are secrets that never reach a browser or a log.
/// </summary>
/// <param name="OrchestratorApiUrl">The API's base URL (<c>ORCHESTRATOR_API_URL</c>).</param>
/// <param name="OrchestratorApiKey">The API key the dashboard calls with (<c>ORCHESTRATOR_API_KEY</c>).</param>
/// <param name="BrowserToken">The token a browser exchanges for a session cookie at <c>/login?t=</c> (<c>DASHBOARD_BROWSER_TOKEN</c>).</param>
public sealed record DashboardOptions(Uri OrchestratorApiUrl, string OrchestratorApiKey, string BrowserToken)
{
    public const string ApiUrlVariable = "ORCHESTRATOR_API_URL";
    public const string ApiKeyVariable = "ORCHESTRATOR_API_KEY";
    public const string BrowserTokenVariable = "DASHBOARD_BROWSER_TOKEN";

    /// <summary>Reads the options; a missing token is generated, so a dashboard run by hand still needs one.</summary>
    /// <exception cref="InvalidOperationException">The API's URL or key is missing or invalid: the message says which.</exception>
    public static DashboardOptions FromConfiguration(IConfiguration configuration, Func<string> generateToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(generateToken);
        var url = configuration[ApiUrlVariable];
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException(
                $"{ApiUrlVariable} must be the orchestrator API's base URL (http://127.0.0.1:9000); the AppHost sets it when it starts the dashboard.");
        }

        var key = configuration[ApiKeyVariable];
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException(
                $"{ApiKeyVariable} must hold the orchestrator's API key (it is in {{state}}/secrets/api-operator-key); the AppHost sets it when it starts the dashboard.");
        }

        var token = configuration[BrowserTokenVariable];
        return new DashboardOptions(uri, key.Trim(), string.IsNullOrWhiteSpace(token) ? generateToken() : token.Trim());
    }
}
