using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OtlpTesting;

namespace ServiceDefaults.Tests.Telemetry;

/// <summary>How the exporter is switched on and which protocol it speaks, each against a service of its own.</summary>
[Trait("Category", "Integration")]
public sealed class OtlpExportTests : IAsyncLifetime
{
    private OtlpReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await OtlpReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Exports_over_grpc_when_the_protocol_says_so()
    {
        var service = $"grpc-{Guid.NewGuid():N}";
        await using var app = await ServiceApp.StartAsync(
            [.. TwoTracedServices.Configuration(service, "grpc-1", _receiver.GrpcEndpoint.ToString()), new("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")],
            app => app.MapGet("/ping", (ILogger<OtlpExportTests> logger) => { logger.LogInformation("pinged"); return "pong"; }));
        using var http = new HttpClient();
        await http.GetStringAsync(new Uri(ServiceApp.Address(app), "/ping"));

        var telemetry = await _receiver.WaitForAsync(
            t => t.Logs.Any(l => l.Resource.ServiceName == service && l.Body == "pinged"), TwoTracedServices.Patience);

        Assert.Contains(telemetry.Exports, e => e.Transport == OtlpTransport.Grpc && e.Signal == OtlpSignal.Logs);
    }
}
