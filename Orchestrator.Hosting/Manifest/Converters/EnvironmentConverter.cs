using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary>
/// <c>"env": {"SEED_ROWS": "100"}</c>: the static variables, each with the value the last
/// <c>WithEnvironment</c> gave it. Callbacks run at launch and are not part of the manifest.
/// </summary>
internal sealed class EnvironmentConverter : IManifestAnnotationConverter
{
    public string PropertyName => "env";

    public JsonNode? Write(IResource resource, ManifestWriteContext context)
    {
        var variables = new JsonObject();
        foreach (var variable in resource.Annotations.OfType<EnvironmentAnnotation>())
        {
            variables[variable.Name] = variable.Value;
        }

        return variables.Count == 0 ? null : variables;
    }

    public void Read(JsonNode value, IResource resource, ManifestReadContext context)
    {
        foreach (var (name, variable) in ManifestJson.AsObject(value, value.GetPath()))
        {
            resource.Annotations.Add(new EnvironmentAnnotation(name, ManifestJson.AsString(variable, ManifestJson.Where(value, name))));
        }
    }
}
