using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Telemetry;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>OpenTelemetry for every service: traces, metrics and logs, exported over OTLP when an endpoint is configured.</summary>
public static class TelemetryExtensions
{
    /// <summary>
    /// Collects traces from ASP.NET Core, HttpClient and the service's own <see cref="ActivitySource"/> (one named
    /// after the service: <c>new ActivitySource("catalog")</c>), metrics from the built-in meters and the service's
    /// own <c>Meter</c> (same name), and logs through OpenTelemetry's logger provider with formatted messages and scopes. Server
    /// spans get route, method and status; <c>/health</c> and <c>/alive</c> are not traced. Trace context travels
    /// between services as W3C <c>traceparent</c>.
    /// <para>
    /// Everything is read from the application's configuration, environment variables included:
    /// <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>, <c>OTEL_TRACES_SAMPLER</c>,
    /// <c>OTEL_BSP_SCHEDULE_DELAY</c>, <c>OTEL_BLRP_SCHEDULE_DELAY</c>, <c>OTEL_METRIC_EXPORT_INTERVAL</c> and the
    /// <c>OTEL_EXPORTER_OTLP_*</c> variables. OTLP export is on only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set;
    /// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> chooses <c>grpc</c> or <c>http/protobuf</c> (another value falls back to
    /// <c>http/protobuf</c> with a warning).
    /// </para>
    /// <code>builder.ConfigureOpenTelemetry();   // AddServiceDefaults() calls it</code>
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var identity = ServiceIdentity.FromConfiguration(builder.Configuration, builder.Environment.ApplicationName);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(OpenTelemetryMarker)))
        {
            return builder;
        }

        services.AddSingleton<OpenTelemetryMarker>();
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = new ServiceCollectionTelemetryBuilder(services);
        telemetry
            .ConfigureResource(resource => resource.AddService(identity.ServiceName, serviceInstanceId: identity.InstanceId))
            .WithTracing(tracing => tracing
                .AddSource(TelemetryDefaults.AspNetCoreSource, TelemetryDefaults.HttpClientSource, identity.ServiceName))
            .WithMetrics();
        services.AddMetrics(metrics => EnableMeters(metrics, identity.ServiceName));

        if (OtlpExportSettings.FromConfiguration(builder.Configuration) is { } export)
        {
            services.AddSingleton(export);
            // Endpoint, headers and timeouts come from the configuration, as the specification reads them; only a
            // protocol the exporter does not speak is overridden.
            if (export.ProtocolReplaced)
            {
                telemetry.UseOtlpExporter(export.Protocol, export.Endpoint);
            }
            else
            {
                telemetry.UseOtlpExporter();
            }
        }

        services.AddHostedService<TelemetryProviderStarter>();
        services.AddTransient<IStartupFilter, ServerSpanStartupFilter>();
        return builder;
    }

    // Enabled through the host's metrics rules rather than AddMeter: a rule takes the process's global meters and the
    // meters of this host's own meter factory (ASP.NET Core's, Kestrel's, the factory clients'), never those of another
    // host in the process. Meter listeners are process-wide, so with AddMeter a second host (a test's) would be measured
    // twice, and disposing it would end instruments the first still shares by name.
    private static void EnableMeters(IMetricsBuilder metrics, string serviceName)
    {
        foreach (var meter in TelemetryDefaults.BuiltInMeters.Append(serviceName))
        {
            metrics.EnableMetrics(meter);
        }
    }

    // Marks the collection so a second call (AddServiceDefaults after ConfigureOpenTelemetry) adds nothing twice.
    private sealed class OpenTelemetryMarker;
}
