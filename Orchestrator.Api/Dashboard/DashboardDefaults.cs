namespace Orchestrator.Api.Dashboard;

/// <summary>The dashboard's names and numbers in one place.</summary>
public static class DashboardDefaults
{
    /// <summary>The resource's name in the model.</summary>
    public const string ResourceName = "dashboard";

    /// <summary>The variable that carries the browser token to the dashboard (masked by the API: its name says TOKEN).</summary>
    public const string BrowserTokenVariable = "DASHBOARD_BROWSER_TOKEN";

    /// <summary>The token's size: 24 random bytes, 48 hex characters.</summary>
    public const int TokenBytes = 24;
}
