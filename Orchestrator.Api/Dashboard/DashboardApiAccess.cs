using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Dashboard;

/// <summary>How the dashboard reaches the orchestrator API: its URL and operator key in the environment.</summary>
internal static class DashboardApiAccess
{
    public const string UrlVariable = "ORCHESTRATOR_API_URL";
    public const string KeyVariable = "ORCHESTRATOR_API_KEY";

    // Until WithOrchestratorApi() exists: the contract's default address and the operator key where the API keeps it.
    public static IResourceBuilder<ProjectResource> WithOrchestratorApiAccess(this IResourceBuilder<ProjectResource> resource, IDistributedApplicationBuilder builder) =>
        resource.WithEnvironment(context =>
        {
            var port = builder.Configuration["ORCHESTRATOR_API_PORT"] ?? "9000";
            context.Environment[UrlVariable] = $"http://127.0.0.1:{port}";
            context.Environment[KeyVariable] = builder.Configuration[KeyVariable] ?? context.Runtime.Secrets.GetOrCreate("api-operator-key");
        });
}
