namespace Microsoft.Extensions.Hosting.Telemetry;

/// <summary>What the defaults collect: every source, meter and name in one place.</summary>
public static class TelemetryDefaults
{
    /// <summary>ASP.NET Core's source: one server span per request. Without a listener on it the request's own activity is not
    /// recorded, and the parent-based sampler then drops every span the handler starts.</summary>
    public const string AspNetCoreSource = "Microsoft.AspNetCore";

    /// <summary>HttpClient's source: one client span per attempt, which carries the W3C <c>traceparent</c> to the next service.</summary>
    public const string HttpClientSource = "System.Net.Http";

    /// <summary>The built-in meters exported besides the service's own (named after the service).</summary>
    public static IReadOnlyList<string> BuiltInMeters { get; } =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http",
        "System.Runtime",
    ];

    /// <summary>The variable whose presence turns OTLP export on.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The variable that chooses the OTLP protocol: <c>grpc</c> or <c>http/protobuf</c>.</summary>
    public const string OtlpProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>
    /// The names under which OpenTelemetry's exporter asks the HTTP client factory for its clients. They get no
    /// resilience handler: the exporter retries on its own, and an export must not wait behind a service's retry budget.
    /// </summary>
    public static IReadOnlyList<string> ExporterHttpClientNames { get; } = ["OtlpTraceExporter", "OtlpMetricExporter", "OtlpLogExporter"];
}
