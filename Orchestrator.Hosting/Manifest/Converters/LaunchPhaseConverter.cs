using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary><c>"launch": {"phase": 1, "priority": 0}</c>: the last <c>WithLaunchPhase</c>, which replaces any earlier one.</summary>
internal sealed class LaunchPhaseConverter : IManifestAnnotationConverter
{
    private static readonly IReadOnlySet<string> Known = new HashSet<string> { "phase", "priority" };

    public string PropertyName => "launch";

    public JsonNode? Write(IResource resource, ManifestWriteContext context)
    {
        if (resource.Annotations.LastOfType<LaunchPhaseAnnotation>() is not { } launch)
        {
            return null;
        }

        var item = new JsonObject();
        if (launch.Phase is { } phase)
        {
            item["phase"] = phase;
        }

        item["priority"] = launch.Priority;
        return item;
    }

    public void Read(JsonNode value, IResource resource, ManifestReadContext context)
    {
        var item = ManifestJson.AsObject(value, value.GetPath());
        ManifestJson.RejectUnknown(item, Known, "a launch");
        resource.Annotations.Add(new LaunchPhaseAnnotation(ManifestJson.OptionalInt(item, "phase"), ManifestJson.OptionalInt(item, "priority") ?? 0));
    }
}
