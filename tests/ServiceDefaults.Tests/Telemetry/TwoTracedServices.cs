using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OtlpTesting;

namespace ServiceDefaults.Tests.Telemetry;

/// <summary>
/// A frontend and a backend, both with the defaults, exporting to one OTLP receiver. One request is served before
/// the tests run: the frontend's <c>/api/orders/{id}</c> calls the backend's <c>/api/items/{id}</c> through a factory
/// client at <c>http://backend</c>; the backend writes a log line. A probe of <c>/health</c> is made on both.
/// </summary>
public sealed class TwoTracedServices : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private WebApplication? _backend;
    private WebApplication? _frontend;

    public OtlpReceiver Receiver { get; private set; } = null!;

    public string OrderReply { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Receiver = await OtlpReceiver.StartAsync();
        _backend = await ServiceApp.StartAsync(Configuration("backend", "backend-1", Receiver.HttpEndpoint.ToString()), app =>
            app.MapGet("/api/items/{id}", (int id, ILogger<TwoTracedServices> logger) =>
            {
                logger.LogInformation("Served item {ItemId} to {Caller}", id, "frontend");
                return $"item {id}";
            }));
        _frontend = await ServiceApp.StartAsync(
            [.. Configuration("frontend", "frontend-1", Receiver.HttpEndpoint.ToString()), new("services:backend:http:0", ServiceApp.Address(_backend).ToString())],
            app => app.MapGet("/api/orders/{id}", async (int id, IHttpClientFactory factory, CancellationToken cancellationToken) =>
            {
                using var client = factory.CreateClient();
                return "order of " + await client.GetStringAsync(new Uri($"http://backend/api/items/{id}"), cancellationToken);
            }));

        using var http = new HttpClient();
        OrderReply = await http.GetStringAsync(new Uri(ServiceApp.Address(_frontend), "/api/orders/7"));
        using var _ = await http.GetAsync(new Uri(ServiceApp.Address(_frontend), "/health"));
        using var __ = await http.GetAsync(new Uri(ServiceApp.Address(_backend), "/alive"));
    }

    public async Task DisposeAsync()
    {
        foreach (var app in new[] { _frontend, _backend })
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }
    }

    public static IEnumerable<KeyValuePair<string, string?>> Configuration(string service, string instance, string? endpoint = null) =>
    [
        new("OTEL_SERVICE_NAME", service),
        new("OTEL_RESOURCE_ATTRIBUTES", $"service.instance.id={instance},deployment.environment=test"),
        new("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
        new("OTEL_BSP_SCHEDULE_DELAY", "100"),
        new("OTEL_BLRP_SCHEDULE_DELAY", "100"),
        new("OTEL_METRIC_EXPORT_INTERVAL", "200"),
        new("OTEL_TRACES_SAMPLER", "always_on"),
        .. endpoint is null ? Array.Empty<KeyValuePair<string, string?>>() : [new("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)],
    ];
}
