using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;
using Orchestrator.Api.Telemetry;

namespace Orchestrator.Api.Tests.Telemetry;

public sealed class OrchestratorExportSettingsTests
{
    [Fact]
    public void Without_an_endpoint_nothing_is_exported()
    {
        var settings = Settings();

        Assert.False(settings.IsExporting);
        Assert.Throws<InvalidOperationException>(() => settings.ExporterOptions("traces"));
    }

    [Fact]
    public void Over_http_each_signal_gets_its_own_path_and_the_headers()
    {
        var settings = Settings(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318/"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_EXPORTER_OTLP_HEADERS", "x-otlp-api-key=abc"));

        var traces = settings.ExporterOptions("traces");
        Assert.Equal(new Uri("http://127.0.0.1:4318/v1/traces"), traces.Endpoint);
        Assert.Equal(OtlpExportProtocol.HttpProtobuf, traces.Protocol);
        Assert.Equal("x-otlp-api-key=abc", traces.Headers);
        Assert.Equal(new Uri("http://127.0.0.1:4318/v1/logs"), settings.ExporterOptions("logs").Endpoint);
    }

    [Fact]
    public void Aspire_s_dashboard_endpoint_is_used_over_grpc_as_it_is()
    {
        var settings = Settings(("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "http://localhost:18889"));

        var metrics = settings.ExporterOptions("metrics");
        Assert.Equal(new Uri("http://localhost:18889"), metrics.Endpoint);
        Assert.Equal(OtlpExportProtocol.Grpc, metrics.Protocol);
    }

    [Fact]
    public void Batch_delays_default_to_one_second_and_follow_the_variables()
    {
        var settings = Settings(("OTEL_BSP_SCHEDULE_DELAY", "250"), ("OTEL_METRIC_EXPORT_INTERVAL", "not a number"));

        Assert.Equal((250, 1000, 1000), (settings.SpanDelay, settings.LogDelay, settings.MetricInterval));
    }

    private static OrchestratorExportSettings Settings(params (string Key, string Value)[] values) =>
        OrchestratorExportSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
}
