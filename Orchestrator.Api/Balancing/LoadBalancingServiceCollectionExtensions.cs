using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Balancing;

/// <summary>Registers the load balancer.</summary>
public static class LoadBalancingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="ILoadBalancer"/> (a singleton over the <c>ResourceNotificationService</c>), the
    /// connection counter that reads /proc/net/tcp, and the model's <c>WithWeight</c> weights.
    /// <code>builder.Services.AddLoadBalancing(new LoadBalancerOptions { ConnectionTableMaxAge = TimeSpan.FromMilliseconds(100) });</code>
    /// </summary>
    public static IServiceCollection AddLoadBalancing(this IServiceCollection services, LoadBalancerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(options ?? new LoadBalancerOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IProcFileReader, ProcFileReader>();
        services.TryAddSingleton<IConnectionCounter, ProcNetTcpConnectionCounter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReplicaWeightSource, ModelReplicaWeights>(sp =>
            new ModelReplicaWeights(sp.GetService<DistributedApplicationModel>() ?? new DistributedApplicationModel([]))));
        services.TryAddSingleton<ILoadBalancer>(sp => new LoadBalancer(
            sp.GetRequiredService<ResourceNotificationService>(),
            sp.GetRequiredService<IConnectionCounter>(),
            sp.GetServices<IReplicaWeightSource>()));
        return services;
    }
}
