using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.ServiceDiscovery;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers service discovery: logical URLs such as <c>http://catalog</c> reach the service's replicas.</summary>
public static class ServiceDiscoveryExtensions
{
    /// <summary>
    /// Registers the resolver, the round-robin selector and the handler (once, however often it is called).
    /// <code>builder.Services.AddServiceDiscovery();</code>
    /// </summary>
    public static IServiceCollection AddServiceDiscovery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ServiceEndpointResolver>();
        services.TryAddSingleton<RoundRobinEndpointSelector>();
        services.TryAddTransient<ServiceDiscoveryHandler>();
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
