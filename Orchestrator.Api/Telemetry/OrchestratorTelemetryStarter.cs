using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Orchestrator.Api.Telemetry;

/// <summary>
/// Builds the tracer and meter providers when the host starts, before the launch, so the launch is traced; flushes
/// them (and the logger provider) when the host stops, after the resources stopped, so the last spans are not lost.
/// Without an endpoint it builds nothing: no listener, no span, no export.
/// </summary>
internal sealed partial class OrchestratorTelemetryStarter(
    IServiceProvider services, OrchestratorExportSettings settings, ILogger<OrchestratorTelemetryStarter> logger) : IHostedService
{
    private static readonly int FlushTimeoutMilliseconds = 5000;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Otlp is { } otlp)
        {
            services.GetService<TracerProvider>();
            services.GetService<MeterProvider>();
            LogExporting(otlp.Endpoint, otlp.Protocol);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (settings.IsExporting)
        {
            // Flushing blocks on the exporters' HTTP calls: off the caller's thread, bounded by the timeout.
            return Task.Run(() =>
            {
                services.GetService<TracerProvider>()?.ForceFlush(FlushTimeoutMilliseconds);
                services.GetService<MeterProvider>()?.ForceFlush(FlushTimeoutMilliseconds);
                services.GetService<LoggerProvider>()?.ForceFlush(FlushTimeoutMilliseconds);
            }, CancellationToken.None).WaitAsync(cancellationToken);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The orchestrator exports its traces, metrics and logs over OTLP to {Endpoint} ({Protocol})")]
    private partial void LogExporting(string endpoint, string protocol);
}
