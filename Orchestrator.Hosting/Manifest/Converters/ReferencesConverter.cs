using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary><c>"references": [{"resource": "catalogdb", "connectionName": "db"}]</c>, resolved by name when read.</summary>
internal sealed class ReferencesConverter : IManifestAnnotationConverter
{
    private static readonly IReadOnlySet<string> Known = new HashSet<string> { "resource", "connectionName" };

    public string PropertyName => "references";

    public JsonNode? Write(IResource resource, ManifestWriteContext context)
    {
        var references = resource.Annotations.OfType<ResourceReferenceAnnotation>().ToList();
        if (references.Count == 0)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var reference in references)
        {
            var item = new JsonObject { ["resource"] = reference.Target.Name };
            if (reference.ConnectionName is not null)
            {
                item["connectionName"] = reference.ConnectionName;
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
            ManifestJson.RejectUnknown(item, Known, "a reference");
            var target = context.GetResource(ManifestJson.RequiredString(item, "resource"), ManifestJson.Where(item, "resource"));
            resource.Annotations.Add(new ResourceReferenceAnnotation(target, ManifestJson.OptionalString(item, "connectionName")));
        }
    }
}
