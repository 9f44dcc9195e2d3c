using Microsoft.Extensions.Configuration;
using Orchestrator.Hosting.EnvironmentVariables;

namespace Orchestrator.Hosting.Tests.EnvironmentVariables;

public sealed class OtlpConfigurationTests
{
    [Fact]
    public void Is_null_when_nothing_is_configured()
    {
        Assert.Null(OtlpConfiguration.Resolve(Configuration()));
    }

    [Fact]
    public void Reads_the_OpenTelemetry_variables()
    {
        var settings = OtlpConfiguration.Resolve(Configuration(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json"),
            ("OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer x")));

        Assert.Equal(new("http://collector:4318", "http/json", "authorization=Bearer x"), settings);
    }

    [Theory]
    [InlineData("http://collector:4317", "grpc")]
    [InlineData("http://collector:4318", "http/protobuf")]
    public void Infers_the_protocol_from_the_standard_ports(string endpoint, string protocol)
    {
        var settings = OtlpConfiguration.Resolve(Configuration(("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)));

        Assert.Equal(protocol, settings?.Protocol);
    }

    [Fact]
    public void Prefers_the_OpenTelemetry_variable_over_Aspires()
    {
        var settings = OtlpConfiguration.Resolve(Configuration(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"),
            ("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "http://dashboard:18889")));

        Assert.Equal("http://collector:4318", settings?.Endpoint);
    }

    [Fact]
    public void Reads_Aspires_dashboard_endpoint_as_gRPC_with_its_api_key()
    {
        var settings = OtlpConfiguration.Resolve(Configuration(
            ("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "https://localhost:21000"),
            ("AppHost:OtlpApiKey", "k3y")));

        Assert.Equal(new("https://localhost:21000", "grpc", "x-otlp-api-key=k3y"), settings);
    }

    [Fact]
    public void Reads_Aspires_http_endpoint_when_the_protocol_asks_for_HTTP()
    {
        var settings = OtlpConfiguration.Resolve(Configuration(
            ("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "https://localhost:21000"),
            ("ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "https://localhost:21001"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")));

        Assert.Equal(new("https://localhost:21001", "http/protobuf"), settings);
    }

    [Fact]
    public void Rejects_an_endpoint_that_is_not_an_http_url()
    {
        var exception = Assert.Throws<InvalidOperationException>(() =>
            OtlpConfiguration.Resolve(Configuration(("OTEL_EXPORTER_OTLP_ENDPOINT", "localhost:4318"))));

        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT is 'localhost:4318'", exception.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
