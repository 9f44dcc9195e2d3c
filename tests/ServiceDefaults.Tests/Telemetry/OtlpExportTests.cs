using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Telemetry;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using OtlpTesting;

namespace ServiceDefaults.Tests.Telemetry;

/// <summary>How the exporter is switched on and which protocol it speaks, each against a service of its own.</summary>
[Trait("Category", "Integration")]
public sealed class OtlpExportTests : IAsyncLifetime
{
    private OtlpReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await OtlpReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    // A service whose /ping writes a log line; its name is unique, so only its own records are looked at.
    private static Task<WebApplication> StartPingServiceAsync(string service, params KeyValuePair<string, string?>[] settings) =>
        ServiceApp.StartAsync(
            settings,
            app => app.MapGet("/ping", (ILogger<OtlpExportTests> logger) =>
            {
                logger.LogInformation("pinged");
                return "pong";
            }),
            applicationName: service);

    private static async Task PingAsync(WebApplication app)
    {
        using var http = new HttpClient();
        Assert.Equal("pong", await http.GetStringAsync(new Uri(ServiceApp.Address(app), "/ping")));
    }

    private Task<ReceivedTelemetry> PingLoggedAsync(string service) => _receiver.WaitForAsync(
        t => t.Logs.Any(l => l.Resource.ServiceName == service && l.Body == "pinged"), TwoTracedServices.Patience);

    [Fact]
    public async Task Exports_over_grpc_when_the_protocol_says_so()
    {
        var service = $"grpc-{Guid.NewGuid():N}";
        await using var app = await StartPingServiceAsync(service,
            [.. TwoTracedServices.Configuration(service, "grpc-1", _receiver.GrpcEndpoint.ToString()), new("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")]);

        await PingAsync(app);

        var telemetry = await PingLoggedAsync(service);
        Assert.Contains(telemetry.Exports, e => e.Transport == OtlpTransport.Grpc && e.Signal == OtlpSignal.Logs);
    }

    [Fact]
    public async Task Falls_back_to_http_protobuf_for_a_protocol_the_exporter_does_not_speak()
    {
        var service = $"json-{Guid.NewGuid():N}";
        await using var app = await StartPingServiceAsync(service,
            [.. TwoTracedServices.Configuration(service, "json-1", _receiver.HttpEndpoint.ToString()), new("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")]);

        await PingAsync(app);

        var telemetry = await PingLoggedAsync(service);
        Assert.Contains(telemetry.Exports, e => e.Transport == OtlpTransport.HttpProtobuf && e.Path == "/v1/logs");
    }

    [Fact]
    public async Task Sends_the_configured_headers_with_every_export()
    {
        var service = $"headers-{Guid.NewGuid():N}";
        await using var app = await StartPingServiceAsync(service,
            [.. TwoTracedServices.Configuration(service, "headers-1", _receiver.HttpEndpoint.ToString()), new("OTEL_EXPORTER_OTLP_HEADERS", $"x-otlp-api-key={service}")]);

        await PingAsync(app);

        var telemetry = await PingLoggedAsync(service);
        Assert.Contains(telemetry.Exports, e => e.Signal == OtlpSignal.Logs && e.Headers.GetValueOrDefault("x-otlp-api-key") == service);
    }

    [Fact]
    public async Task Flushes_what_it_still_holds_when_the_host_is_disposed()
    {
        var service = $"flush-{Guid.NewGuid():N}";
        var app = await StartPingServiceAsync(service,
        [
            .. TwoTracedServices.Configuration(service, "flush-1", _receiver.HttpEndpoint.ToString()),
            // Nothing would leave on schedule during the test: only the flush at shutdown can deliver.
            new("OTEL_BSP_SCHEDULE_DELAY", "600000"),
            new("OTEL_BLRP_SCHEDULE_DELAY", "600000"),
        ]);
        await PingAsync(app);

        await app.StopAsync();
        await app.DisposeAsync();

        var telemetry = _receiver.Snapshot();
        Assert.Contains(telemetry.Spans, s => s.Resource.ServiceName == service && s.Name == "GET /ping");
        Assert.Contains(telemetry.Logs, l => l.Resource.ServiceName == service && l.Body == "pinged");
    }

    [Fact]
    public async Task Honours_the_sampler_setting()
    {
        var service = $"unsampled-{Guid.NewGuid():N}";
        var app = await StartPingServiceAsync(service,
            [.. TwoTracedServices.Configuration(service, "unsampled-1", _receiver.HttpEndpoint.ToString()), new("OTEL_TRACES_SAMPLER", "always_off")]);
        await PingAsync(app);

        // Disposing flushes everything, so what has not arrived by then was never recorded.
        await app.StopAsync();
        await app.DisposeAsync();

        var telemetry = _receiver.Snapshot();
        Assert.Contains(telemetry.Logs, l => l.Resource.ServiceName == service && l.Body == "pinged");
        Assert.DoesNotContain(telemetry.Spans, s => s.Resource.ServiceName == service && s.Name == "GET /ping");
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_exported_and_the_service_still_answers()
    {
        var service = $"quiet-{Guid.NewGuid():N}";
        await using var app = await StartPingServiceAsync(service, [.. TwoTracedServices.Configuration(service, "quiet-1", endpoint: null)]);

        await PingAsync(app);

        // Tracing still runs in the process (trace ids in logs, context to the next service); only the export is off.
        Assert.Equal(
            (true, false),
            (app.Services.GetService<TracerProvider>() is not null, app.Services.GetService<OtlpExportSettings>() is not null));
    }
}
