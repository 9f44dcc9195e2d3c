using Microsoft.Extensions.Configuration;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.EnvironmentVariables;

/// <summary>Reads where the AppHost's telemetry goes, so that every resource is told the same.</summary>
public static class OtlpConfiguration
{
    /// <summary>The key under which Aspire's AppHost keeps the dashboard's OTLP API key.</summary>
    public const string AspireOtlpApiKey = "AppHost:OtlpApiKey";

    private const int GrpcPort = 4317;
    private const string Grpc = "grpc";
    private const string HttpProtobuf = "http/protobuf";

    /// <summary>
    /// The OTLP settings, or null when none are configured. In order: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// (protocol from <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, else <c>grpc</c> on port 4317 and
    /// <c>http/protobuf</c> elsewhere); then Aspire's <c>ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL</c> (gRPC)
    /// or <c>ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL</c> (http/protobuf), the latter first when the
    /// protocol variable asks for HTTP. Headers come from <c>OTEL_EXPORTER_OTLP_HEADERS</c>, else from
    /// Aspire's <c>AppHost:OtlpApiKey</c> as <c>x-otlp-api-key</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The chosen endpoint is not an absolute http or https URL.</exception>
    public static OtlpSettings? Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var protocol = Read(configuration, KnownEnvironmentVariables.OtlpProtocol);
        var headers = Read(configuration, KnownEnvironmentVariables.OtlpHeaders)
            ?? (Read(configuration, AspireOtlpApiKey) is { } apiKey ? $"x-otlp-api-key={apiKey}" : null);

        if (Read(configuration, KnownEnvironmentVariables.OtlpEndpoint) is { } endpoint)
        {
            var uri = Parse(endpoint, KnownEnvironmentVariables.OtlpEndpoint);
            return new OtlpSettings(endpoint, protocol ?? (uri.Port == GrpcPort ? Grpc : HttpProtobuf), headers);
        }

        var grpcEndpoint = Read(configuration, KnownEnvironmentVariables.AspireDashboardOtlpEndpoint);
        var httpEndpoint = Read(configuration, KnownEnvironmentVariables.AspireDashboardOtlpHttpEndpoint);
        var wantsHttp = protocol?.StartsWith("http/", StringComparison.OrdinalIgnoreCase) == true;
        if (httpEndpoint is not null && (wantsHttp || grpcEndpoint is null))
        {
            Parse(httpEndpoint, KnownEnvironmentVariables.AspireDashboardOtlpHttpEndpoint);
            return new OtlpSettings(httpEndpoint, wantsHttp ? protocol! : HttpProtobuf, headers);
        }

        if (grpcEndpoint is not null)
        {
            Parse(grpcEndpoint, KnownEnvironmentVariables.AspireDashboardOtlpEndpoint);
            return new OtlpSettings(grpcEndpoint, Grpc, headers);
        }

        return null;
    }

    private static string? Read(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static Uri Parse(string value, string key) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException(
                $"{key} is '{value}', which is not an http or https URL. Set it to the OTLP endpoint, for example http://localhost:4318.");
}
