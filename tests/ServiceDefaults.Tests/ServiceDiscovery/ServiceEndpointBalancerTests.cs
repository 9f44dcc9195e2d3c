using Microsoft.Extensions.Hosting.ServiceDiscovery;

namespace ServiceDefaults.Tests.ServiceDiscovery;

public sealed class ServiceEndpointBalancerTests
{
    private static readonly ServiceEndpointSet Catalog = new(
        "catalog", "http", [new("http://127.0.0.1:5000"), new("http://127.0.0.1:5001"), new("http://127.0.0.1:5002")]);

    private readonly ManualTimeProvider _clock = new();

    private ServiceEndpointBalancer Balancer(EndpointBalancing balancing = EndpointBalancing.RoundRobin) =>
        new(balancing, new EndpointQuarantine(TimeSpan.FromSeconds(5), _clock), powerOfTwo: new PowerOfTwoChoicesEndpointSelector(new Random(1)));

    private static int[] Ports(IEnumerable<Uri> endpoints) => [.. endpoints.Select(e => e.Port)];

    [Fact]
    public void Starts_each_request_at_the_next_replica_and_keeps_the_others_as_fallbacks()
    {
        var balancer = Balancer();

        var orders = Enumerable.Range(0, 3).Select(_ => Ports(balancer.Order(Catalog))).ToList();

        Assert.Equal([[5000, 5001, 5002], [5001, 5002, 5000], [5002, 5000, 5001]], orders);
    }

    [Fact]
    public void Puts_a_quarantined_replica_last()
    {
        var balancer = Balancer();
        balancer.Quarantine.ReportFailure(Catalog.Endpoints[0]);

        var orders = Enumerable.Range(0, 2).Select(_ => Ports(balancer.Order(Catalog))).ToList();

        Assert.Equal([[5001, 5002, 5000], [5002, 5001, 5000]], orders);
    }

    [Fact]
    public void Tries_every_replica_when_all_are_quarantined()
    {
        var balancer = Balancer();
        foreach (var endpoint in Catalog.Endpoints)
        {
            balancer.Quarantine.ReportFailure(endpoint);
        }

        Assert.Equal([5000, 5001, 5002], Ports(balancer.Order(Catalog)));
    }

    [Fact]
    public void Sends_a_request_away_from_the_busier_replica_with_power_of_two_choices()
    {
        var balancer = Balancer(EndpointBalancing.PowerOfTwoChoices);
        var twoReplicas = Catalog with { Endpoints = [.. Catalog.Endpoints.Take(2)] };
        using var busy = balancer.BeginRequest(twoReplicas.Endpoints[0]);

        var firsts = Enumerable.Range(0, 20).Select(_ => balancer.Order(twoReplicas)[0].Port).Distinct();

        Assert.Equal([5001], firsts);
    }

    [Fact]
    public void Forgets_a_request_once_it_is_done()
    {
        var balancer = Balancer();
        var request = balancer.BeginRequest(Catalog.Endpoints[0]);

        request.Dispose();
        request.Dispose();

        Assert.Equal(0, balancer.InFlight(Catalog.Endpoints[0]));
    }
}
