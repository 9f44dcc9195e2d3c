using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary>
/// <c>"healthChecks": [{"type": "http", "path": "/health", "statusCode": 200, "endpoint": "http"}]</c>.
/// The <c>type</c> leaves room for other kinds of check without a new version.
/// </summary>
internal sealed class HealthChecksConverter : IManifestAnnotationConverter
{
    private const string Http = "http";
    private static readonly IReadOnlySet<string> Known = new HashSet<string> { "type", "path", "statusCode", "endpoint" };

    public string PropertyName => "healthChecks";

    public JsonNode? Write(IResource resource, ManifestWriteContext context)
    {
        var checks = resource.Annotations.OfType<HttpHealthCheckAnnotation>().ToList();
        if (checks.Count == 0)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var check in checks)
        {
            var item = new JsonObject { ["type"] = Http };
            if (check.Path is not null)
            {
                item["path"] = check.Path;
            }

            item["statusCode"] = check.StatusCode;
            if (check.EndpointName is not null)
            {
                item["endpoint"] = check.EndpointName;
            }

            array.Add((JsonNode)item);
        }

        return array;
    }

    public void Read(JsonNode value, IResource resource, ManifestReadContext context)
    {
        var array = ManifestJson.AsArray(value, value.GetPath());
        for (var i = 0; i < array.Count; i++)
        {
            var item = ManifestJson.AsObject(array[i], $"{value.GetPath()}[{i}]");
            ManifestJson.RejectUnknown(item, Known, "a health check");
            var type = ManifestJson.RequiredString(item, "type");
            if (type != Http)
            {
                throw new InvalidManifestException($"{ManifestJson.Where(item, "type")} is '{type}'; this host knows health checks of type '{Http}'.");
            }

            resource.Annotations.Add(new HttpHealthCheckAnnotation(
                ManifestJson.OptionalString(item, "path"),
                ManifestJson.OptionalInt(item, "statusCode") ?? 200,
                ManifestJson.OptionalString(item, "endpoint")));
        }
    }
}
