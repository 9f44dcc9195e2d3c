using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary>
/// <c>"healthCheckOptions": {"interval": "00:00:05", "timeout": "00:00:02", "failureThreshold": 3,
/// "startupGracePeriod": "00:00:10"}</c>, each property only when the AppHost set it.
/// </summary>
internal sealed class HealthCheckOptionsConverter : IManifestAnnotationConverter
{
    private const string Interval = "interval";
    private const string Timeout = "timeout";
    private const string FailureThreshold = "failureThreshold";
    private const string StartupGracePeriod = "startupGracePeriod";
    private static readonly IReadOnlySet<string> Known = new HashSet<string> { Interval, Timeout, FailureThreshold, StartupGracePeriod };

    public string PropertyName => "healthCheckOptions";

    public JsonNode? Write(IResource resource, ManifestWriteContext context)
    {
        if (resource.Annotations.LastOfType<HealthCheckOptionsAnnotation>() is not { } options)
        {
            return null;
        }

        var item = new JsonObject();
        AddDuration(item, Interval, options.Interval);
        AddDuration(item, Timeout, options.Timeout);
        if (options.FailureThreshold is { } threshold)
        {
            item[FailureThreshold] = threshold;
        }

        AddDuration(item, StartupGracePeriod, options.StartupGracePeriod);
        return item;
    }

    public void Read(JsonNode value, IResource resource, ManifestReadContext context)
    {
        var item = ManifestJson.AsObject(value, value.GetPath());
        ManifestJson.RejectUnknown(item, Known, "health check options");
        resource.Annotations.Add(new HealthCheckOptionsAnnotation(
            ManifestJson.OptionalDuration(item, Interval),
            ManifestJson.OptionalDuration(item, Timeout),
            ManifestJson.OptionalInt(item, FailureThreshold),
            ManifestJson.OptionalDuration(item, StartupGracePeriod)));
    }

    private static void AddDuration(JsonObject item, string property, TimeSpan? duration)
    {
        if (duration is { } value)
        {
            item[property] = ManifestJson.Duration(value);
        }
    }
}
