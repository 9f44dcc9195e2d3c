using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace ServiceDefaults.Tests.Health;

/// <summary>A real service (replica svc-7) with the defaults and one failing, untagged check (a dependency that is down), on a free port.</summary>
public sealed class ServiceWithFailingDependency : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Client { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=svc-7";
        builder.AddServiceDefaults();
        builder.Services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Unhealthy("down on purpose"));
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        await _app.StartAsync();
        Client.BaseAddress = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

[Trait("Category", "Integration")]
public sealed class DefaultEndpointsTests(ServiceWithFailingDependency service) : IClassFixture<ServiceWithFailingDependency>
{
    [Fact]
    public async Task Health_fails_when_any_check_fails()
    {
        using var response = await service.Client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Alive_passes_while_only_checks_not_tagged_live_fail()
    {
        using var response = await service.Client.GetAsync(new Uri("/alive", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_response_names_the_replica_that_served_it()
    {
        using var response = await service.Client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(["svc-7"], response.Headers.GetValues("X-Served-By"));
    }
}
