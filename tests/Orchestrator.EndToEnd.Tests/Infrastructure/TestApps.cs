using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.EndToEnd.Tests.Infrastructure;

/// <summary>Builds AppHosts for tests, with their state in a test's own directory.</summary>
internal static class TestApps
{
    public static IDistributedApplicationBuilder CreateBuilder(TempDirectory state) =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            AppHostDirectory = state.Path,
            StateDirectory = state.Path,
        }).AddOrchestrator();

    /// <summary>Adds the test service as an executable with an HTTP endpoint and health check.</summary>
    public static IResourceBuilder<ExecutableResource> AddTestService(this IDistributedApplicationBuilder builder, string name, params string[] args) =>
        builder.AddExecutable(name, "dotnet", ".", [TestArtifacts.TestServiceDll, "--name", name, .. args])
            .WithHttpEndpoint(env: "PORT")
            .WithHttpHealthCheck("/health");

    /// <summary>The first URL of a resource's first replica.</summary>
    public static string UrlOf(this DistributedApplication app, string resource) =>
        app.Services.GetRequiredService<ResourceNotificationService>().GetSnapshots(resource)[0].Urls[0];

    /// <summary>An environment variable as the resource's process sees it.</summary>
    public static async Task<string> GetEnvironmentOfAsync(this DistributedApplication app, string resource, string variable)
    {
        using var http = new HttpClient();
        return await http.GetStringAsync($"{app.UrlOf(resource)}/env/{variable}");
    }
}
