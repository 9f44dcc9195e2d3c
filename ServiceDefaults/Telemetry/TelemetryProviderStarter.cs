using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting.Telemetry;

/// <summary>
/// Builds the tracer and meter providers when the host starts, before the server listens, so the first request is
/// traced and measured. They are container singletons: the container disposes them when the host is disposed, and
/// disposing flushes what they still hold.
/// </summary>
internal sealed partial class TelemetryProviderStarter(IServiceProvider services, ILogger<TelemetryProviderStarter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetService<TracerProvider>();
        services.GetService<MeterProvider>();
        if (services.GetService<OtlpExportSettings>() is { } export)
        {
            if (export.ProtocolReplaced)
            {
                LogProtocolReplaced(export.RequestedProtocol!, export.Protocol);
            }

            LogExporting(export.Endpoint, export.Protocol);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Exporting traces, metrics and logs over OTLP to {Endpoint} ({Protocol})")]
    private partial void LogExporting(Uri endpoint, OpenTelemetry.Exporter.OtlpExportProtocol protocol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OTEL_EXPORTER_OTLP_PROTOCOL is '{Requested}', which the OTLP exporter does not speak; exporting with {Protocol} instead")]
    private partial void LogProtocolReplaced(string requested, OpenTelemetry.Exporter.OtlpExportProtocol protocol);
}
