using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orchestrator.Api.Balancing;
using Orchestrator.Api.Registration;
using Orchestrator.Api.Streaming;

namespace Orchestrator.Api.Http;

/// <summary>Registers the control API.</summary>
public static class OrchestratorApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds the REST control API (Kestrel on <c>127.0.0.1:9000</c> unless <c>Orchestrator:Api</c> says otherwise) as a hosted
    /// service. <c>AddOrchestrator()</c> calls it before the runtime, so the API is up while the launch runs.
    /// </summary>
    public static IServiceCollection AddOrchestratorApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(s => s.ServiceType == typeof(OrchestratorApiHost)))
        {
            return services;
        }

        // One instance, made now, so that WithOrchestratorApi() can hand its address to resources before the container exists.
        services.AddSingleton(new OrchestratorApiEndpoint());
        services.TryAddSingleton(sp => OrchestratorApiOptionsReader.Read(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddLoadBalancing();
        services.AddExternalServiceRegistry();
        services.AddEventStreaming();
        services.TryAddSingleton<RequestStatistics>();
        services.TryAddSingleton<ApiClock>();
        services.TryAddSingleton<EventCounter>();
        services.TryAddSingleton<ResourceCatalog>();
        services.TryAddSingleton<ResourceViews>();
        services.TryAddSingleton<StatusBuilder>();
        services.TryAddSingleton<ResourceCommands>();
        services.AddSingleton<OrchestratorApiHost>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<OrchestratorApiHost>());
        return services;
    }

    /// <summary>The endpoint instance <see cref="AddOrchestratorApi"/> registered, or null.</summary>
    internal static OrchestratorApiEndpoint? FindEndpoint(IServiceCollection services) =>
        services.LastOrDefault(s => s.ServiceType == typeof(OrchestratorApiEndpoint))?.ImplementationInstance as OrchestratorApiEndpoint;
}
