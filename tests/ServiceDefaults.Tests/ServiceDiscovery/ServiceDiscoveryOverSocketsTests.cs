using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.ServiceDiscovery;

namespace ServiceDefaults.Tests.ServiceDiscovery;

/// <summary>
/// Proves against real sockets what the unit tests assume of the network: a replica whose port is closed
/// fails as a connection error, and the handler registered by AddServiceDefaults steps over it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ServiceDiscoveryOverSocketsTests : IAsyncLifetime
{
    private WebApplication? _replica;
    private WebApplication? _caller;

    public async Task InitializeAsync()
    {
        var replica = WebApplication.CreateBuilder();
        replica.WebHost.UseUrls("http://127.0.0.1:0");
        _replica = replica.Build();
        _replica.MapGet("/who", () => "live replica");
        await _replica.StartAsync();

        var closedPort = FreePort();
        var caller = WebApplication.CreateBuilder();
        caller.Configuration["services:catalog:http:0"] = $"http://127.0.0.1:{closedPort}";
        caller.Configuration["services:catalog:http:1"] = _replica.Urls.First();
        caller.AddServiceDefaults();
        _caller = caller.Build();
    }

    public async Task DisposeAsync()
    {
        if (_replica is not null)
        {
            await _replica.StopAsync();
            await _replica.DisposeAsync();
        }

        if (_caller is not null)
        {
            await _caller.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_factory_client_reaches_the_live_replica_past_a_closed_port()
    {
        var factory = _caller!.Services.GetRequiredService<IHttpClientFactory>();
        using var client = factory.CreateClient();

        // Two calls: round-robin starts at the closed port once and at the live replica once; both must succeed.
        var first = await client.GetStringAsync(new Uri("http://catalog/who"));
        var second = await client.GetStringAsync(new Uri("http://catalog/who"));

        Assert.Equal(["live replica", "live replica"], new[] { first, second });
    }

    [Fact]
    public async Task A_closed_replica_is_stepped_around_after_its_first_refusal()
    {
        var factory = _caller!.Services.GetRequiredService<IHttpClientFactory>();
        using var client = factory.CreateClient();
        var balancer = _caller.Services.GetRequiredService<ServiceEndpointBalancer>();
        var closed = new Uri(_caller.Configuration["services:catalog:http:0"]!);

        for (var i = 0; i < 2; i++)
        {
            await client.GetStringAsync(new Uri("http://catalog/who"));
        }

        Assert.True(balancer.Quarantine.IsQuarantined(closed));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
