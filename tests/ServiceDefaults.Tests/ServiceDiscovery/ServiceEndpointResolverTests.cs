using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.ServiceDiscovery;

namespace ServiceDefaults.Tests.ServiceDiscovery;

public sealed class ServiceEndpointResolverTests
{
    private static ServiceEndpointResolver ResolverOver(params (string Key, string Value)[] entries) =>
        new(new ConfigurationBuilder()
            .AddInMemoryCollection(entries.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
            .Build());

    [Fact]
    public void Returns_every_replica_in_numeric_index_order()
    {
        var entries = Enumerable.Range(0, 12)
            .Reverse()
            .Select(i => ($"services:catalog:http:{i}", $"http://127.0.0.1:{5000 + i}"))
            .ToArray();
        var resolver = ResolverOver(entries);

        var endpoints = resolver.Resolve("catalog", "http");

        Assert.Equal(Enumerable.Range(0, 12).Select(i => 5000 + i), endpoints.Select(e => e.Port));
    }

    [Fact]
    public void Returns_nothing_for_a_service_that_is_not_configured()
    {
        var resolver = ResolverOver(("services:catalog:http:0", "http://127.0.0.1:5000"));

        Assert.Empty(resolver.Resolve("basket", "http"));
    }

    [Fact]
    public void Reads_the_variables_the_orchestrator_injects()
    {
        // A name of its own keeps this test's variables apart from any other test's.
        var service = $"svc{Guid.NewGuid():N}";
        var variable = $"services__{service}__http__0";
        Environment.SetEnvironmentVariable(variable, "http://127.0.0.1:5123");
        try
        {
            var resolver = new ServiceEndpointResolver(new ConfigurationBuilder().AddEnvironmentVariables().Build());

            Assert.Equal([new Uri("http://127.0.0.1:5123")], resolver.Resolve(service, "http"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Skips_entries_that_are_not_http_urls()
    {
        var resolver = ResolverOver(
            ("services:catalog:http:0", "not a url at all"),
            ("services:catalog:http:1", "ftp://127.0.0.1:21"),
            ("services:catalog:http:2", "http://127.0.0.1:5002"));

        Assert.Equal([new Uri("http://127.0.0.1:5002")], resolver.Resolve("catalog", "http"));
    }

    [Fact]
    public void Gives_a_scheme_to_an_entry_that_has_none()
    {
        var resolver = ResolverOver(("services:catalog:http:0", "127.0.0.1:5000"));

        Assert.Equal([new Uri("http://127.0.0.1:5000")], resolver.Resolve("catalog", "http"));
    }

    [Fact]
    public void Sees_a_replica_added_after_it_was_created()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("services:catalog:http:0", "http://127.0.0.1:5000")])
            .Build();
        var resolver = new ServiceEndpointResolver(configuration);

        configuration["services:catalog:http:1"] = "http://127.0.0.1:5001";

        Assert.Equal(2, resolver.Resolve("catalog", "http").Count);
    }

    [Fact]
    public void Resolves_a_logical_url_by_its_host_and_scheme()
    {
        var resolver = ResolverOver(
            ("services:catalog:http:0", "http://127.0.0.1:5000"),
            ("services:catalog:https:0", "https://127.0.0.1:5443"));

        var set = resolver.Resolve(new Uri("http://catalog/api/products"));

        Assert.NotNull(set);
        Assert.Equal(("catalog", "http"), (set.ServiceName, set.EndpointName));
        Assert.Equal([new Uri("http://127.0.0.1:5000")], set.Endpoints);
    }

    [Fact]
    public void Falls_back_to_the_next_scheme_of_a_combined_scheme()
    {
        var resolver = ResolverOver(("services:catalog:http:0", "http://127.0.0.1:5000"));

        var set = resolver.Resolve(new Uri("https+http://catalog/"));

        Assert.Equal("http", set?.EndpointName);
    }

    [Fact]
    public void Resolves_a_named_endpoint_from_an_underscore_prefix()
    {
        var resolver = ResolverOver(
            ("services:catalog:http:0", "http://127.0.0.1:5000"),
            ("services:catalog:admin:0", "http://127.0.0.1:6000"));

        var set = resolver.Resolve(new Uri("http://_admin.catalog/stats"));

        Assert.Equal([new Uri("http://127.0.0.1:6000")], set?.Endpoints);
    }

    [Fact]
    public void Lets_a_host_that_is_not_a_service_pass_through()
    {
        var resolver = ResolverOver(("services:catalog:http:0", "http://127.0.0.1:5000"));

        Assert.Null(resolver.Resolve(new Uri("http://example.org/")));
    }

    [Fact]
    public void Rewrites_a_logical_url_onto_a_replica_keeping_path_and_query()
    {
        var physical = ServiceEndpointResolver.Rewrite(new Uri("http://catalog/api/products/3?x=1"), new Uri("http://127.0.0.1:5000"));

        Assert.Equal(new Uri("http://127.0.0.1:5000/api/products/3?x=1"), physical);
    }
}
