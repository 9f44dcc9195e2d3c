using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.EnvironmentVariables;

namespace Orchestrator.Api.Telemetry;

/// <summary>
/// Where the orchestrator's own telemetry goes: the endpoint the AppHost resolves for its resources (see
/// <see cref="OtlpConfiguration.Resolve"/>), so the orchestrator and every service report to the same place.
/// </summary>
/// <param name="Otlp">The endpoint, protocol and headers; null when none is configured, and then nothing is exported.</param>
/// <param name="SpanDelay">How long spans wait in their batch (<c>OTEL_BSP_SCHEDULE_DELAY</c>), in milliseconds.</param>
/// <param name="LogDelay">How long log records wait in their batch (<c>OTEL_BLRP_SCHEDULE_DELAY</c>), in milliseconds.</param>
/// <param name="MetricInterval">How often metrics are exported (<c>OTEL_METRIC_EXPORT_INTERVAL</c>), in milliseconds.</param>
internal sealed record OrchestratorExportSettings(OtlpSettings? Otlp, int SpanDelay, int LogDelay, int MetricInterval)
{
    /// <summary>True when an endpoint is configured.</summary>
    public bool IsExporting => Otlp is not null;

    public static OrchestratorExportSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new OrchestratorExportSettings(
            OtlpConfiguration.Resolve(configuration),
            Milliseconds(configuration, "OTEL_BSP_SCHEDULE_DELAY"),
            Milliseconds(configuration, "OTEL_BLRP_SCHEDULE_DELAY"),
            Milliseconds(configuration, "OTEL_METRIC_EXPORT_INTERVAL"));
    }

    /// <summary>The exporter options for one signal (<c>traces</c>, <c>metrics</c>, <c>logs</c>).</summary>
    /// <exception cref="InvalidOperationException">Nothing is exported.</exception>
    public OtlpExporterOptions ExporterOptions(string signal)
    {
        var otlp = Otlp ?? throw new InvalidOperationException("No OTLP endpoint is configured, so the orchestrator exports nothing.");
        var grpc = otlp.Protocol.Equals("grpc", StringComparison.OrdinalIgnoreCase);
        // An endpoint set in code is used as it is: over HTTP it must name the signal's path, which the variable's form leaves out.
        var endpoint = grpc ? otlp.Endpoint : $"{otlp.Endpoint.TrimEnd('/')}/v1/{signal}";
        return new OtlpExporterOptions
        {
            Endpoint = new Uri(endpoint),
            Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf,
            Headers = otlp.Headers,
        };
    }

    private static int Milliseconds(IConfiguration configuration, string variable) =>
        int.TryParse(configuration[variable], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : OrchestratorTelemetryDefaults.ExportIntervalMilliseconds;
}
