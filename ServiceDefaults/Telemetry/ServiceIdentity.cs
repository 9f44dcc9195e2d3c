using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting.Telemetry;

/// <summary>
/// Who this process is, as OpenTelemetry names it: the service (<c>catalog</c>), the instance
/// (<c>catalog-1</c>, one per replica) and the process id. The orchestrator passes the first two in
/// <c>OTEL_SERVICE_NAME</c> and <c>OTEL_RESOURCE_ATTRIBUTES</c>, so logs, traces and
/// <c>/api/whoami</c> all agree on which replica answered.
/// </summary>
/// <param name="ServiceName">The service's name.</param>
/// <param name="InstanceId">The replica's id, unique among the service's replicas.</param>
/// <param name="ProcessId">The operating system's process id.</param>
public sealed record ServiceIdentity(string ServiceName, string InstanceId, int ProcessId)
{
    /// <summary>The variable that names the service.</summary>
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    /// <summary>The variable that carries the resource attributes (<c>key=value,key=value</c>).</summary>
    public const string ResourceAttributesVariable = "OTEL_RESOURCE_ATTRIBUTES";

    /// <summary>The resource attribute that names the instance.</summary>
    public const string InstanceIdAttribute = "service.instance.id";

    /// <summary>The resource attribute that names the service, used when <c>OTEL_SERVICE_NAME</c> is absent.</summary>
    public const string ServiceNameAttribute = "service.name";

    /// <summary>
    /// Reads the identity from configuration (environment variables are part of it). Without the
    /// variables, the service is <paramref name="fallbackServiceName"/> and the instance is
    /// <c>{machine}-{pid}</c>, so a service run by hand still answers with something unique.
    /// </summary>
    public static ServiceIdentity FromConfiguration(IConfiguration configuration, string fallbackServiceName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(fallbackServiceName);
        var processId = Environment.ProcessId;
        var attributes = ParseResourceAttributes(configuration[ResourceAttributesVariable]);
        var serviceName = NonEmpty(configuration[ServiceNameVariable])
            ?? NonEmpty(attributes.GetValueOrDefault(ServiceNameAttribute))
            ?? fallbackServiceName;
        var instanceId = NonEmpty(attributes.GetValueOrDefault(InstanceIdAttribute))
            ?? $"{Environment.MachineName}-{processId}";
        return new ServiceIdentity(serviceName, instanceId, processId);
    }

    /// <summary>
    /// Parses <c>OTEL_RESOURCE_ATTRIBUTES</c>: comma-separated <c>key=value</c> pairs whose values are
    /// percent-encoded (OpenTelemetry's specification). Malformed pairs are skipped; a later key wins.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ParseResourceAttributes(string? value)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(value))
        {
            return attributes;
        }

        foreach (var pair in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = pair[..equals].Trim();
            attributes[key] = Uri.UnescapeDataString(pair[(equals + 1)..].Trim());
        }

        return attributes;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
