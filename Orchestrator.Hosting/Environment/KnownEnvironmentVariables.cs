// The folder is Environment/, but a namespace named Environment would hide System.Environment from
// every other namespace under Orchestrator.Hosting, so this one is named for what it holds.
namespace Orchestrator.Hosting.EnvironmentVariables;

/// <summary>The variables the host sets for its resources, and the values it gives them by default.</summary>
public static class KnownEnvironmentVariables
{
    public const string AspNetCoreUrls = "ASPNETCORE_URLS";
    public const string AspNetCoreEnvironment = "ASPNETCORE_ENVIRONMENT";
    public const string DotNetEnvironment = "DOTNET_ENVIRONMENT";

    /// <summary>The environment a project runs in unless the AppHost says otherwise, as under Aspire.</summary>
    public const string DefaultHostEnvironment = "Development";

    public const string OtelServiceName = "OTEL_SERVICE_NAME";
    public const string OtelResourceAttributes = "OTEL_RESOURCE_ATTRIBUTES";
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpProtocol = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string OtlpHeaders = "OTEL_EXPORTER_OTLP_HEADERS";

    /// <summary>Aspire's dashboard's gRPC OTLP endpoint, read when no OpenTelemetry variable is set.</summary>
    public const string AspireDashboardOtlpEndpoint = "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL";

    /// <summary>Aspire's dashboard's http/protobuf OTLP endpoint, read when no OpenTelemetry variable is set.</summary>
    public const string AspireDashboardOtlpHttpEndpoint = "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL";

    /// <summary>
    /// Aspire's development settings: export every second and sample every trace, so telemetry shows up
    /// while a developer watches instead of after the SDKs' default batching delays.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> TelemetryDevelopmentSettings { get; } =
    [
        new("OTEL_BLRP_SCHEDULE_DELAY", "1000"),
        new("OTEL_BSP_SCHEDULE_DELAY", "1000"),
        new("OTEL_METRIC_EXPORT_INTERVAL", "1000"),
        new("OTEL_TRACES_SAMPLER", "always_on"),
    ];

    /// <summary>The connection string variable of a reference: <c>ConnectionStrings__{name}</c>.</summary>
    public static string ConnectionString(string name) => $"ConnectionStrings__{name}";

    /// <summary>One service-discovery variable: <c>services__{service}__{endpoint}__{index}</c>.</summary>
    public static string ServiceEndpoint(string service, string endpoint, int index) => $"services__{service}__{endpoint}__{index}";
}
