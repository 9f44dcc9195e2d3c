namespace Orchestrator.Api.Dashboard;

/// <summary>The dashboard resource of this run and its browser token, generated when the model was built.</summary>
/// <param name="ResourceName">The dashboard's resource name.</param>
/// <param name="BrowserToken">The token of this run's login URL.</param>
public sealed record DashboardLogin(string ResourceName, string BrowserToken)
{
    /// <summary>The login URL of a dashboard replica at <paramref name="baseUrl"/>.</summary>
    public string UrlFor(string baseUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseUrl);
        return $"{baseUrl.TrimEnd('/')}/login?t={BrowserToken}";
    }

    /// <summary>No token in logs, exceptions or debugger views.</summary>
    public override string ToString() => $"DashboardLogin {{ ResourceName = {ResourceName} }}";
}
