using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary><c>"livenessCheck": {"path": "/alive", "statusCode": 200, "endpoint": "http"}</c>.</summary>
internal sealed class LivenessCheckConverter : IManifestAnnotationConverter
{
    private static readonly IReadOnlySet<string> Known = new HashSet<string> { "path", "statusCode", "endpoint" };

    public string PropertyName => "livenessCheck";

    public JsonNode? Write(IResource resource, ManifestWriteContext context)
    {
        if (resource.Annotations.LastOfType<LivenessCheckAnnotation>() is not { } check)
        {
            return null;
        }

        var item = new JsonObject { ["path"] = check.Path, ["statusCode"] = check.StatusCode };
        if (check.EndpointName is not null)
        {
            item["endpoint"] = check.EndpointName;
        }

        return item;
    }

    public void Read(JsonNode value, IResource resource, ManifestReadContext context)
    {
        var item = ManifestJson.AsObject(value, value.GetPath());
        ManifestJson.RejectUnknown(item, Known, "a liveness check");
        resource.Annotations.Add(new LivenessCheckAnnotation(
            ManifestJson.OptionalString(item, "path") ?? LivenessCheckAnnotation.DefaultPath,
            ManifestJson.OptionalInt(item, "statusCode") ?? 200,
            ManifestJson.OptionalString(item, "endpoint")));
    }
}
