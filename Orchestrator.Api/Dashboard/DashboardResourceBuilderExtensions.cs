using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Hosting;
using Orchestrator.Api.Dashboard;
using Orchestrator.Api.Http;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api;

/// <summary>Adds the browser dashboard to an AppHost, as Aspire does: its own process, reached through a login URL.</summary>
public static class DashboardResourceBuilderExtensions
{
    /// <summary>
    /// Adds the Dashboard project as a resource the orchestrator starts and supervises like any other. It
    /// gets the orchestrator API's URL and key in its environment and a browser token generated for this
    /// run; once it is healthy the AppHost prints its login URL (<c>/login?t=...</c>) on the console.
    /// <code>var builder = DistributedApplication.CreateBuilder(args).AddOrchestrator().AddDashboard();</code>
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource's name.</param>
    /// <param name="projectPath">The Dashboard project, relative to the AppHost directory; by default the repository's.</param>
    public static IDistributedApplicationBuilder AddDashboard(
        this IDistributedApplicationBuilder builder, string name = DashboardDefaults.ResourceName, string? projectPath = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var path = projectPath ?? FindDashboardProject(builder.AppHostDirectory);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(DashboardDefaults.TokenBytes)).ToLowerInvariant();
        var login = new DashboardLogin(name, token);

        builder.AddProject(name, path)
            .WithHttpHealthCheck("/health")
            // Through a callback: the token is this run's secret and must stay out of the manifest.
            .WithEnvironment(context => context.Environment[DashboardDefaults.BrowserTokenVariable] = token)
            .WithOrchestratorApi();
        builder.Services.AddSingleton(login);
        builder.Services.AddHostedService<DashboardLoginAnnouncer>();
        return builder;
    }

    // The repository's Dashboard beside the AppHost's directory (AppHost/ and tests' AppHosts alike).
    private static string FindDashboardProject(string appHostDirectory)
    {
        for (var directory = new DirectoryInfo(appHostDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Dashboard", "Dashboard.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(appHostDirectory, "..", "Dashboard", "Dashboard.csproj");
    }
}
