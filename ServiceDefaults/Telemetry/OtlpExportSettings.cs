using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace Microsoft.Extensions.Hosting.Telemetry;

/// <summary>
/// Whether and how this service exports over OTLP, read from configuration (environment variables are part of it).
/// Export is on only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, as in Aspire's template, so a service run by hand
/// does not try to reach a collector that is not there.
/// </summary>
/// <param name="Endpoint">The base endpoint (<c>http://localhost:4318</c>); signal paths are appended for <c>http/protobuf</c>.</param>
/// <param name="Protocol">The protocol the exporter will use.</param>
/// <param name="RequestedProtocol">The value of <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, or null when unset.</param>
internal sealed record OtlpExportSettings(Uri Endpoint, OtlpExportProtocol Protocol, string? RequestedProtocol)
{
    /// <summary>True when the requested protocol is not one the exporter speaks, so <see cref="Protocol"/> replaced it.</summary>
    public bool ProtocolReplaced => RequestedProtocol is not null && Parse(RequestedProtocol) is null;

    /// <summary>The settings, or null when export is off (no endpoint, or an endpoint that is not an http(s) URL).</summary>
    public static OtlpExportSettings? FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpointText = configuration[TelemetryDefaults.OtlpEndpointVariable];
        if (string.IsNullOrWhiteSpace(endpointText)
            || !Uri.TryCreate(endpointText.Trim(), UriKind.Absolute, out var endpoint)
            || endpoint.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var requested = configuration[TelemetryDefaults.OtlpProtocolVariable] is { } value && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;
        // Unset means the specification's default for .NET's exporter, gRPC; http/json is not implemented by it,
        // and http/protobuf is the nearest protocol a collector that offers JSON also offers.
        var protocol = requested is null ? OtlpExportProtocol.Grpc : Parse(requested) ?? OtlpExportProtocol.HttpProtobuf;
        return new OtlpExportSettings(endpoint, protocol, requested);
    }

    private static OtlpExportProtocol? Parse(string protocol) => protocol.ToLowerInvariant() switch
    {
        "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => null,
    };
}
