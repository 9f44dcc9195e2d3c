using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using OtlpTesting;

namespace ServiceDefaults.Tests.Telemetry;

/// <summary>
/// A frontend and a backend, both with the defaults, exporting over OTLP/HTTP to one receiver. Before the tests run:
/// the frontend's <c>/api/orders/7</c> calls the backend's <c>/api/items/7</c> through a factory client at
/// <c>http://backend</c>, and the backend writes a log line; then both services are probed on <c>/health</c> and
/// <c>/alive</c> inside a known trace, and last a marker request runs inside another known trace.
/// </summary>
/// <remarks>
/// Activity and meter listeners are process-wide, so each service's providers also see the other's spans (and those of
/// any other test running in this process). Services run one per process in real life; the tests look for what they
/// expect rather than for what they do not, or look inside traces of their own.
/// </remarks>
public sealed class TwoTracedServices : IAsyncLifetime
{
    // Generous: only a failing test waits this long, and a loaded machine can be slow to export.
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The backend's own source, named after the service as the defaults expect.</summary>
    private static readonly ActivitySource BackendSource = new("backend");

    private WebApplication? _backend;
    private WebApplication? _frontend;

    public OtlpReceiver Receiver { get; private set; } = null!;

    public string OrderReply { get; private set; } = "";

    /// <summary>The trace the probes ran in: nothing of it may be exported.</summary>
    public string ProbeTraceId { get; } = ActivityTraceId.CreateRandom().ToHexString();

    /// <summary>The trace of a request made after the probes: once it has arrived, the probes' spans would have too.</summary>
    public string MarkerTraceId { get; } = ActivityTraceId.CreateRandom().ToHexString();

    public async Task InitializeAsync()
    {
        Receiver = await OtlpReceiver.StartAsync();
        var endpoint = Receiver.HttpEndpoint.ToString();
        _backend = await ServiceApp.StartAsync(Configuration("backend", "backend-1", endpoint), app =>
            app.MapGet("/api/items/{id}", (int id, ILogger<TwoTracedServices> logger) =>
            {
                logger.LogInformation("Served item {ItemId} to {Caller}", id, "frontend");
                using var lookUp = BackendSource.StartActivity("LookUpItem");

                return $"item {id}";
            }));
        _frontend = await ServiceApp.StartAsync(
            [.. Configuration("frontend", "frontend-1", endpoint), new("services:backend:http:0", ServiceApp.Address(_backend).ToString())],
            app => app.MapGet("/api/orders/{id}", async (int id, IHttpClientFactory factory, CancellationToken cancellationToken) =>
            {
                using var client = factory.CreateClient();
                return "order of " + await client.GetStringAsync(new Uri($"http://backend/api/items/{id}"), cancellationToken);
            }));

        using var http = new HttpClient();
        OrderReply = await http.GetStringAsync(new Uri(ServiceApp.Address(_frontend), "/api/orders/7"));

        // A handler that propagates nothing, so the server joins exactly the trace given in the header.
        using var untraced = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null });
        foreach (var app in new[] { _frontend, _backend })
        {
            foreach (var path in new[] { "/health", "/alive" })
            {
                await SendInTraceAsync(untraced, new Uri(ServiceApp.Address(app), path), ProbeTraceId);
            }
        }

        await SendInTraceAsync(untraced, new Uri(ServiceApp.Address(_backend), "/api/items/8"), MarkerTraceId);
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

    /// <summary>What the AppHost passes a service, with short export delays so tests wait little.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Configuration(string service, string instance, string? endpoint) =>
    [
        new("OTEL_SERVICE_NAME", service),
        new("OTEL_RESOURCE_ATTRIBUTES", $"service.instance.id={instance},deployment.environment=test"),
        new("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
        new("OTEL_BSP_SCHEDULE_DELAY", "100"),
        new("OTEL_BLRP_SCHEDULE_DELAY", "100"),
        new("OTEL_METRIC_EXPORT_INTERVAL", "200"),
        new("OTEL_TRACES_SAMPLER", "always_on"),
        // Null hides a value the machine's environment might hold.
        new("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint),
    ];

    private static async Task SendInTraceAsync(HttpClient client, Uri uri, string traceId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
