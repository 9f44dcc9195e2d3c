using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Resilience;
using Microsoft.Extensions.Hosting.ServiceDiscovery;

namespace ServiceDefaults.Tests.Resilience;

/// <summary>Which handlers a factory client ends up with, read off the chain the factory builds.</summary>
public sealed class ResilienceHandlerPlacementTests
{
    private static ServiceProvider Services(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddServiceDiscovery();
        configure(services);
        return services.BuildServiceProvider();
    }

    private static List<Type> ChainOf(ServiceProvider provider, string client)
    {
        var chain = new List<Type>();
        for (var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(client) as DelegatingHandler;
             handler is not null;
             handler = handler.InnerHandler as DelegatingHandler)
        {
            chain.Add(handler.GetType());
        }

        return [.. chain.Where(t => t == typeof(HttpResilienceHandler) || t == typeof(ServiceDiscoveryHandler))];
    }

    [Fact]
    public void Every_client_gets_resilience_outside_discovery()
    {
        using var provider = Services(s => s.ConfigureHttpClientDefaults(http => http.AddResilience().AddServiceDiscovery()));

        Assert.Equal([typeof(HttpResilienceHandler), typeof(ServiceDiscoveryHandler)], ChainOf(provider, "catalog"));
    }

    [Fact]
    public void The_telemetry_exporters_clients_get_no_resilience()
    {
        using var provider = Services(s => s.ConfigureHttpClientDefaults(http => http.AddResilience().AddServiceDiscovery()));

        Assert.Equal([typeof(ServiceDiscoveryHandler)], ChainOf(provider, "OtlpTraceExporter"));
    }

    [Fact]
    public void Adding_resilience_again_to_a_client_adds_nothing()
    {
        using var provider = Services(s =>
        {
            s.ConfigureHttpClientDefaults(http => http.AddResilience());
            s.AddHttpClient("catalog").AddResilience();
        });

        Assert.Equal([typeof(HttpResilienceHandler)], ChainOf(provider, "catalog"));
    }

    [Fact]
    public void A_client_configured_without_resilience_gets_none()
    {
        using var provider = Services(s =>
        {
            s.ConfigureHttpClientDefaults(http => http.AddResilience());
            s.AddHttpClient("streaming").ConfigureResilience(o => o.Enabled = false);
        });

        Assert.Equal((0, 1), (ChainOf(provider, "streaming").Count, ChainOf(provider, "catalog").Count));
    }
}
