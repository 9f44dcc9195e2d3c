using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary><c>"endpoints": [{"name": "http", "scheme": "http", "port": 8080, "targetPort": 8080, "env": "PORT"}]</c>; absent values are left out.</summary>
internal sealed class EndpointsConverter : IManifestAnnotationConverter
{
    private static readonly IReadOnlySet<string> Known = new HashSet<string> { "name", "scheme", "port", "targetPort", "env" };

    public string PropertyName => "endpoints";

    public JsonNode? Write(IResource resource, ManifestWriteContext context)
    {
        var endpoints = resource.GetEndpoints();
        if (endpoints.Count == 0)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var endpoint in endpoints)
        {
            var item = new JsonObject { ["name"] = endpoint.Name, ["scheme"] = endpoint.Scheme };
            AddIfSet(item, "port", endpoint.Port);
            AddIfSet(item, "targetPort", endpoint.TargetPort);
            if (endpoint.EnvironmentVariable is not null)
            {
                item["env"] = endpoint.EnvironmentVariable;
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
            ManifestJson.RejectUnknown(item, Known, "an endpoint");
            resource.Annotations.Add(new EndpointAnnotation(
                ManifestJson.RequiredString(item, "name"),
                ManifestJson.RequiredString(item, "scheme"),
                ManifestJson.OptionalInt(item, "port"),
                ManifestJson.OptionalInt(item, "targetPort"),
                ManifestJson.OptionalString(item, "env")));
        }
    }

    private static void AddIfSet(JsonObject item, string property, int? value)
    {
        if (value is { } set)
        {
            item[property] = set;
        }
    }
}
