using System.Net;
using System.Net.Sockets;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Ports;

namespace Orchestrator.Hosting.Tests.Ports;

public sealed class EndpointAllocatorTests : IDisposable
{
    private readonly TestModels _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public void Keeps_a_fixed_port_without_asking_for_a_free_one()
    {
        _models.Executable("web").WithHttpEndpoint(port: 5080);
        var source = new ScriptedPortSource();

        var endpoints = new EndpointAllocator(source).Allocate(_models.Model);

        Assert.Equal(new AllocatedEndpoint("http", "http", "127.0.0.1", 5080), endpoints[("web", "http", 0)]);
        Assert.Equal(0, source.Calls);
    }

    [Fact]
    public void Gives_each_replica_its_own_free_port()
    {
        _models.Project("catalog").WithReplicas(3);

        var endpoints = new EndpointAllocator(new ScriptedPortSource(41000, 41001, 41002)).Allocate(_models.Model);

        Assert.Equal([41000, 41001, 41002], Enumerable.Range(0, 3).Select(i => endpoints[("catalog", "http", i)].Port));
    }

    [Fact]
    public void Never_hands_out_the_same_port_twice()
    {
        _models.Project("catalog").WithReplicas(2);
        _models.Project("orders");

        var endpoints = new EndpointAllocator(new ScriptedPortSource(41000, 41000, 41000, 41001, 41001, 41002)).Allocate(_models.Model);

        Assert.Equal([41000, 41001, 41002], endpoints.Values.Select(e => e.Port).Order());
    }

    [Fact]
    public void Never_hands_out_a_port_that_a_later_resource_fixes()
    {
        _models.Project("catalog");
        _models.Builder.AddRedis("cache", port: 41000);

        var endpoints = new EndpointAllocator(new ScriptedPortSource(41000, 41005)).Allocate(_models.Model);

        Assert.Equal(41005, endpoints[("catalog", "http", 0)].Port);
        Assert.Equal(41000, endpoints[("cache", "tcp", 0)].Port);
    }

    [Fact]
    public void Takes_the_scheme_and_name_from_the_endpoint()
    {
        _models.Executable("web").WithEndpoint("https", name: "secure");

        var endpoint = new EndpointAllocator(new ScriptedPortSource(41000)).Allocate(_models.Model)[("web", "secure", 0)];

        Assert.Equal("https://127.0.0.1:41000", endpoint.Url);
        Assert.Equal("secure", endpoint.Name);
    }

    [Fact]
    public void Allocates_nothing_for_a_resource_without_endpoints()
    {
        _models.Builder.AddPostgres("pg").AddDatabase("db");

        var endpoints = new EndpointAllocator(new ScriptedPortSource(41000)).Allocate(_models.Model);

        Assert.Equal([("pg", "tcp", 0)], endpoints.Keys);
    }

    [Fact]
    public void Fails_clearly_when_the_source_keeps_offering_taken_ports()
    {
        _models.Project("catalog").WithReplicas(2);
        var source = new ScriptedPortSource(Enumerable.Repeat(41000, 500).ToArray());

        var exception = Assert.Throws<InvalidOperationException>(() => new EndpointAllocator(source).Allocate(_models.Model));

        Assert.Contains("'http' of resource 'catalog'", exception.Message);
    }

    [Fact]
    public void The_operating_system_source_returns_a_port_that_can_be_bound()
    {
        var port = new OsFreePortSource().GetFreePort();

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Assert.Equal(port, ((IPEndPoint)listener.LocalEndpoint).Port);
    }
}
