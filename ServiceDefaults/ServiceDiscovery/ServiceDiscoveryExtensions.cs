using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.ServiceDiscovery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers service discovery: logical URLs such as <c>http://catalog</c> reach the service's replicas.</summary>
public static class ServiceDiscoveryExtensions
{
    /// <summary>
    /// Registers the resolver, the balancer (options bound from the <c>ServiceDiscovery</c> configuration section)
    /// and the handler, once, however often it is called.
    /// <code>builder.Services.AddServiceDiscovery();</code>
    /// </summary>
    public static IServiceCollection AddServiceDiscovery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ServiceDiscoveryOptions>().BindConfiguration(ServiceDiscoveryDefaults.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceEndpointResolver>();
        services.TryAddSingleton<RoundRobinEndpointSelector>();
        services.TryAddSingleton(_ => new PowerOfTwoChoicesEndpointSelector());
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ServiceDiscoveryOptions>>().Value;
            return new ServiceEndpointBalancer(
                options.Balancing,
                new EndpointQuarantine(options.FailedEndpointQuarantine, provider.GetRequiredService<TimeProvider>()),
                provider.GetRequiredService<RoundRobinEndpointSelector>(),
                provider.GetRequiredService<PowerOfTwoChoicesEndpointSelector>());
        });
        services.TryAddTransient(provider => new ServiceDiscoveryHandler(
            provider.GetRequiredService<ServiceEndpointResolver>(),
            provider.GetRequiredService<ServiceEndpointBalancer>(),
            provider.GetRequiredService<ILogger<ServiceDiscoveryHandler>>()));
        return services;
    }

    /// <summary>
    /// Resolves this client's logical URLs. Handlers added after this one run closer to the network, so add
    /// resilience (retries) before it: each retry then picks a replica afresh.
    /// <code>builder.Services.AddHttpClient&lt;CatalogClient&gt;(c =&gt; c.BaseAddress = new("http://catalog")).AddServiceDiscovery();</code>
    /// </summary>
    public static IHttpClientBuilder AddServiceDiscovery(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddServiceDiscovery();
        return builder.AddHttpMessageHandler<ServiceDiscoveryHandler>();
    }
}
