using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Telemetry;

/// <summary>Registers the orchestrator's own telemetry.</summary>
public static class OrchestratorTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the orchestrator's traces (launch, phases, resource starts, healing actions linked to their failures),
    /// metrics (replicas by state, restarts by tier, quarantines, health-check and launch durations) and logs, as
    /// service <c>orchestrator</c>, exported over OTLP to the endpoint the AppHost gives its resources
    /// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>_PROTOCOL</c>, <c>_HEADERS</c>, or Aspire's
    /// <c>ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL</c>). Without an endpoint nothing is exported. Call it before the
    /// orchestrator's runtime is registered, so the providers start before the launch; <c>AddOrchestrator()</c> does.
    /// <code>builder.Services.AddOrchestratorTelemetry();</code>
    /// </summary>
    public static IServiceCollection AddOrchestratorTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(OrchestratorExportSettings)))
        {
            return services;
        }

        services.AddSingleton(sp => OrchestratorExportSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddMetrics(metrics =>
        {
            metrics.EnableMetrics(OrchestratorTelemetryDefaults.MeterName);
            metrics.EnableMetrics("System.Runtime");
        });
        services.TryAddSingleton(sp => new OrchestratorInstrumentation(
            sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<ResourceNotificationService>()));
        MeasureHealthChecks(services);

        services.AddLogging(logging => logging.AddOpenTelemetry(options =>
        {
            options.IncludeFormattedMessage = true;
            options.IncludeScopes = true;
        }));
        new TelemetryServices(services)
            .ConfigureResource(resource => resource.AddService(OrchestratorTelemetryDefaults.ServiceName))
            .WithTracing(tracing => tracing.AddSource(OrchestratorTelemetryDefaults.ActivitySourceName))
            .WithMetrics();

        // The endpoint is read when the providers are built, not now: the AppHost may still change its configuration.
        services.ConfigureOpenTelemetryTracerProvider((sp, tracing) => WhenExporting(sp, settings => tracing.AddProcessor(
            new BatchActivityExportProcessor(new OtlpTraceExporter(settings.ExporterOptions("traces")), scheduledDelayMilliseconds: settings.SpanDelay))));
        services.ConfigureOpenTelemetryMeterProvider((sp, metrics) => WhenExporting(sp, settings => metrics.AddReader(
            new PeriodicExportingMetricReader(new OtlpMetricExporter(settings.ExporterOptions("metrics")), settings.MetricInterval))));
        services.ConfigureOpenTelemetryLoggerProvider((sp, logging) => WhenExporting(sp, settings => logging.AddProcessor(
            new BatchLogRecordExportProcessor(new OtlpLogExporter(settings.ExporterOptions("logs")), scheduledDelayMilliseconds: settings.LogDelay))));
        services.AddHostedService<OrchestratorTelemetryStarter>();
        return services;
    }

    private static void WhenExporting(IServiceProvider services, Action<OrchestratorExportSettings> configure)
    {
        var settings = services.GetRequiredService<OrchestratorExportSettings>();
        if (settings.IsExporting)
        {
            configure(settings);
        }
    }

    // Every health check the monitor runs goes through the probe source; timing it there leaves the monitor untouched.
    private static void MeasureHealthChecks(IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IReplicaProbeSource));
        if (inner is null)
        {
            return;
        }

        services.Remove(inner);
        services.AddSingleton<IReplicaProbeSource>(sp => new MeasuredProbeSource(
            Resolve(sp, inner), sp.GetRequiredService<OrchestratorInstrumentation>()));
    }

    private static IReplicaProbeSource Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IReplicaProbeSource)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    // The smallest IOpenTelemetryBuilder, over the AppHost's services: OpenTelemetry.Extensions.Hosting, which
    // would provide one, does not restore here.
    private sealed class TelemetryServices(IServiceCollection services) : IOpenTelemetryBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
