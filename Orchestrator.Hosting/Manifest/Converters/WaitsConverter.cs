using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary>
/// <c>"waitFor": [{"resource": "pg", "type": "healthy"}, {"resource": "migrations", "type": "completion", "exitCode": 0}]</c>,
/// resolved by name when read.
/// </summary>
internal sealed class WaitsConverter : IManifestAnnotationConverter
{
    private const string Healthy = "healthy";
    private const string Completion = "completion";
    private static readonly IReadOnlySet<string> Known = new HashSet<string> { "resource", "type", "exitCode" };

    public string PropertyName => "waitFor";

    public JsonNode? Write(IResource resource, ManifestWriteContext context)
    {
        var waits = resource.Annotations.OfType<WaitAnnotation>().ToList();
        if (waits.Count == 0)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var wait in waits)
        {
            var item = new JsonObject
            {
                ["resource"] = wait.Target.Name,
                ["type"] = wait.WaitType == WaitType.WaitForCompletion ? Completion : Healthy,
            };
            if (wait.WaitType == WaitType.WaitForCompletion || wait.ExitCode != 0)
            {
                item["exitCode"] = wait.ExitCode;
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
            ManifestJson.RejectUnknown(item, Known, "a wait");
            var target = context.GetResource(ManifestJson.RequiredString(item, "resource"), ManifestJson.Where(item, "resource"));
            var type = ManifestJson.RequiredString(item, "type") switch
            {
                Healthy => WaitType.WaitUntilHealthy,
                Completion => WaitType.WaitForCompletion,
                var other => throw new InvalidManifestException(
                    $"{ManifestJson.Where(item, "type")} is '{other}'; a wait is '{Healthy}' or '{Completion}'."),
            };
            resource.Annotations.Add(new WaitAnnotation(target, type, ManifestJson.OptionalInt(item, "exitCode") ?? 0));
        }
    }
}
