using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceDefaults.Tests.Resilience;

/// <summary>
/// The handlers AddServiceDefaults puts on every factory client, against real replicas: one that always answers 503
/// and one that answers 200. Round-robin starts at the failing one, so a call only succeeds if the retry sits outside
/// discovery and resolves the service again.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ResilienceThroughTheFactoryTests : IAsyncLifetime
{
    private WebApplication? _failing;
    private WebApplication? _healthy;
    private int _failingCalls;
    private int _healthyCalls;

    public async Task InitializeAsync()
    {
        _failing = await ServiceApp.StartAsync([], app => app.MapGet("/api/stock", () =>
        {
            Interlocked.Increment(ref _failingCalls);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }));
        _healthy = await ServiceApp.StartAsync([], app => app.MapGet("/api/stock", () =>
        {
            Interlocked.Increment(ref _healthyCalls);
            return "in stock";
        }));
    }

    public async Task DisposeAsync()
    {
        foreach (var app in new[] { _failing, _healthy })
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }

    private async Task<WebApplication> CallerAsync(params KeyValuePair<string, string?>[] settings) => await ServiceApp.StartAsync(
        [
            new("services:catalog:http:0", ServiceApp.Address(_failing!).ToString()),
            new("services:catalog:http:1", ServiceApp.Address(_healthy!).ToString()),
            new("Resilience:RetryBaseDelay", "00:00:00"),
            .. settings,
        ],
        _ => { });

    [Fact]
    public async Task A_retry_goes_to_the_next_replica_and_succeeds()
    {
        await using var caller = await CallerAsync();
        using var client = caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

        using var response = await client.GetAsync(new Uri("http://catalog/api/stock"));

        Assert.Equal((HttpStatusCode.OK, 1, 1), (response.StatusCode, _failingCalls, _healthyCalls));
    }

    [Fact]
    public async Task The_configuration_section_can_turn_resilience_off()
    {
        await using var caller = await CallerAsync(new KeyValuePair<string, string?>("Resilience:Enabled", "false"));
        using var client = caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

        using var response = await client.GetAsync(new Uri("http://catalog/api/stock"));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, 1, 0), (response.StatusCode, _failingCalls, _healthyCalls));
    }
}
