using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.ServiceDiscovery;
using Microsoft.Extensions.Logging.Abstractions;

namespace ServiceDefaults.Tests.ServiceDiscovery;

public sealed class ServiceDiscoveryHandlerTests
{
    private readonly ManualTimeProvider _clock = new();

    private static ServiceEndpointResolver ResolverFor(int replicas) => new(new ConfigurationBuilder()
        .AddInMemoryCollection(Enumerable.Range(0, replicas)
            .Select(i => new KeyValuePair<string, string?>($"services:catalog:http:{i}", $"http://127.0.0.1:{5000 + i}")))
        .Build());

    private static HttpClient ClientOver(RecordingHandler network, int replicas)
    {
        var handler = new ServiceDiscoveryHandler(ResolverFor(replicas), new RoundRobinEndpointSelector(), NullLogger<ServiceDiscoveryHandler>.Instance)
        {
            InnerHandler = network,
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://catalog") };
    }

    private HttpClient ClientOver(RecordingHandler network, int replicas, ServiceEndpointBalancer balancer) =>
        new(new ServiceDiscoveryHandler(ResolverFor(replicas), balancer, NullLogger<ServiceDiscoveryHandler>.Instance) { InnerHandler = network })
        {
            BaseAddress = new Uri("http://catalog"),
        };

    private ServiceEndpointBalancer RoundRobinWithQuarantine() =>
        new(EndpointBalancing.RoundRobin, new EndpointQuarantine(TimeSpan.FromSeconds(5), _clock));

    [Fact]
    public async Task Steps_around_a_replica_that_just_refused_a_connection()
    {
        var network = new RecordingHandler(refusedPorts: 5000);
        using var client = ClientOver(network, replicas: 2, RoundRobinWithQuarantine());

        for (var i = 0; i < 4; i++)
        {
            using var _ = await client.GetAsync(new Uri("/", UriKind.Relative));
        }

        Assert.Equal([5000, 5001, 5001, 5001, 5001], network.Requests.Select(u => u.Port));
    }

    [Fact]
    public async Task Tries_a_quarantined_replica_again_once_its_quarantine_is_over()
    {
        var network = new RecordingHandler(refusedPorts: 5000);
        using var client = ClientOver(network, replicas: 2, RoundRobinWithQuarantine());
        using (await client.GetAsync(new Uri("/", UriKind.Relative)))
        {
        }

        _clock.Advance(TimeSpan.FromSeconds(5));
        network.Requests.Clear();
        for (var i = 0; i < 2; i++)
        {
            using var _ = await client.GetAsync(new Uri("/", UriKind.Relative));
        }

        Assert.Contains(5000, network.Requests.Select(u => u.Port));
    }

    [Fact]
    public async Task Quarantines_a_replica_whose_connection_broke_without_resending_the_request()
    {
        var network = new RecordingHandler { FailureOnEveryRequest = HttpRequestError.ResponseEnded };
        var balancer = RoundRobinWithQuarantine();
        using var client = ClientOver(network, replicas: 2, balancer);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(new Uri("/api/orders", UriKind.Relative), null));

        Assert.Equal((1, true), (network.Requests.Count, balancer.Quarantine.IsQuarantined(new Uri("http://127.0.0.1:5000"))));
    }

    [Fact]
    public async Task Spreads_requests_across_replicas_in_turn()
    {
        var network = new RecordingHandler();
        using var client = ClientOver(network, replicas: 2);

        for (var i = 0; i < 4; i++)
        {
            using var _ = await client.GetAsync(new Uri("/api/products", UriKind.Relative));
        }

        Assert.Equal([5000, 5001, 5000, 5001], network.Requests.Select(u => u.Port));
        Assert.All(network.Requests, u => Assert.Equal("/api/products", u.AbsolutePath));
    }

    [Fact]
    public async Task Steps_to_the_next_replica_when_a_connection_is_refused()
    {
        var network = new RecordingHandler(refusedPorts: 5000);
        using var client = ClientOver(network, replicas: 2);

        using var response = await client.GetAsync(new Uri("/api/products", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([5000, 5001], network.Requests.Select(u => u.Port));
    }

    [Fact]
    public async Task Fails_after_trying_every_replica_once()
    {
        var network = new RecordingHandler(refusedPorts: [5000, 5001, 5002]);
        using var client = ClientOver(network, replicas: 3);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("/", UriKind.Relative)));

        Assert.Equal([5000, 5001, 5002], network.Requests.Select(u => u.Port));
    }

    [Fact]
    public async Task Does_not_resend_after_a_failure_that_may_have_reached_the_replica()
    {
        var network = new RecordingHandler { FailureOnEveryRequest = HttpRequestError.ResponseEnded };
        using var client = ClientOver(network, replicas: 2);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(new Uri("/api/orders", UriKind.Relative), null));

        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task Returns_an_error_response_without_trying_another_replica()
    {
        var network = new RecordingHandler { Status = HttpStatusCode.InternalServerError };
        using var client = ClientOver(network, replicas: 2);

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task Lets_a_host_that_is_not_a_service_pass_through()
    {
        var network = new RecordingHandler();
        using var client = ClientOver(network, replicas: 1);

        using var _ = await client.GetAsync(new Uri("http://example.org/x"));

        Assert.Equal([new Uri("http://example.org/x")], network.Requests);
    }

    [Fact]
    public async Task Leaves_the_logical_url_on_the_request_so_a_retry_resolves_again()
    {
        var network = new RecordingHandler();
        using var client = ClientOver(network, replicas: 1);

        using var response = await client.GetAsync(new Uri("/api/products", UriKind.Relative));

        Assert.Equal(new Uri("http://catalog/api/products"), response.RequestMessage?.RequestUri);
    }
}
