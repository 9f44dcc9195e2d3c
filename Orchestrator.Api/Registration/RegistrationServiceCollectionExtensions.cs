using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Balancing;
using Orchestrator.Api.Events;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Registration;

/// <summary>Registers the registry of external services.</summary>
public static class RegistrationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="IExternalServiceRegistry"/> (a singleton, also a weight source of the load
    /// balancer); the container disposes it with the host, which stops its probes.
    /// <code>builder.Services.AddLoadBalancing().AddExternalServiceRegistry();</code>
    /// </summary>
    public static IServiceCollection AddExternalServiceRegistry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new EventStreamOptions());
        services.TryAddSingleton<EventStream>();
        services.TryAddSingleton(sp => new ExternalServiceRegistry(
            sp.GetRequiredService<ResourceNotificationService>(),
            sp.GetRequiredService<EventStream>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ExternalServiceRegistry>>(),
            sp.GetService<DistributedApplicationModel>()));
        services.TryAddSingleton<IExternalServiceRegistry>(sp => sp.GetRequiredService<ExternalServiceRegistry>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReplicaWeightSource, ExternalServiceRegistry>(sp => sp.GetRequiredService<ExternalServiceRegistry>()));
        return services;
    }
}
