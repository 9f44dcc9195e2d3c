using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Telemetry;
using OpenTelemetry.Exporter;

namespace ServiceDefaults.Tests.Telemetry;

public sealed class OtlpExportSettingsTests
{
    private static OtlpExportSettings? Read(params (string Key, string Value)[] entries) =>
        OtlpExportSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(entries.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
            .Build());

    [Fact]
    public void Export_is_off_without_an_endpoint()
    {
        Assert.Null(Read(("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")));
    }

    [Fact]
    public void Export_is_off_when_the_endpoint_is_not_an_http_url()
    {
        Assert.Null(Read(("OTEL_EXPORTER_OTLP_ENDPOINT", "localhost:4317")));
    }

    [Fact]
    public void Speaks_grpc_when_no_protocol_is_given()
    {
        var settings = Read(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317"));

        Assert.Equal((OtlpExportProtocol.Grpc, false), (settings?.Protocol, settings?.ProtocolReplaced));
    }

    [Theory]
    [InlineData("grpc", OtlpExportProtocol.Grpc)]
    [InlineData("http/protobuf", OtlpExportProtocol.HttpProtobuf)]
    [InlineData("HTTP/PROTOBUF", OtlpExportProtocol.HttpProtobuf)]
    public void Speaks_the_protocol_it_is_given(string requested, OtlpExportProtocol expected)
    {
        var settings = Read(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", requested));

        Assert.Equal((expected, false), (settings?.Protocol, settings?.ProtocolReplaced));
    }

    [Fact]
    public void Replaces_http_json_with_http_protobuf()
    {
        var settings = Read(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json"));

        Assert.Equal((OtlpExportProtocol.HttpProtobuf, true), (settings?.Protocol, settings?.ProtocolReplaced));
    }
}
