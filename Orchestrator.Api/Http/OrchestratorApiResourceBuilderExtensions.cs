using Orchestrator.Api.Security;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Http;

/// <summary>Lets a resource talk to the orchestrator's API.</summary>
public static class OrchestratorApiResourceBuilderExtensions
{
    /// <summary>
    /// Passes the API's base URL (<c>ORCHESTRATOR_API_URL</c>) and the operator key (<c>ORCHESTRATOR_API_KEY</c>, a
    /// secret: masked wherever the API shows environments) to the resource, e.g. a dashboard:
    /// <code>builder.AddProject("dashboard", "../Dashboard/Dashboard.csproj").WithOrchestratorApi();</code>
    /// </summary>
    /// <exception cref="InvalidOperationException">The orchestrator was not added (call <c>AddOrchestrator()</c> first).</exception>
    public static IResourceBuilder<T> WithOrchestratorApi<T>(this IResourceBuilder<T> builder) where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        var endpoint = OrchestratorApiServiceCollectionExtensions.FindEndpoint(builder.ApplicationBuilder.Services)
            ?? throw new InvalidOperationException(
                $"Resource '{builder.Resource.Name}' asks for the orchestrator API, but the orchestrator is not added. Call AddOrchestrator() on the builder first.");
        var configuration = builder.ApplicationBuilder.Configuration;
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(context =>
        {
            // The API binds before the launch, so its address is known by the time any replica starts.
            if (endpoint.BaseAddress is { } url)
            {
                context.Environment[OrchestratorApiDefaults.UrlVariable] = url.ToString().TrimEnd('/');
            }

            var keys = endpoint.Keys ?? ApiKeyStore.Load(OrchestratorApiOptionsReader.Read(configuration), context.Runtime.Secrets);
            context.Environment[OrchestratorApiDefaults.OperatorKeyVariable] = keys.OperatorKey;
        }));
    }
}
