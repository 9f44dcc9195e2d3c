using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary><c>"startTimeout": "00:02:00"</c> (.NET's invariant <c>c</c> format, exact to the tick).</summary>
internal sealed class StartTimeoutConverter : IManifestAnnotationConverter
{
    public string PropertyName => "startTimeout";

    public JsonNode? Write(IResource resource, ManifestWriteContext context) =>
        resource.Annotations.LastOfType<StartTimeoutAnnotation>() is { } timeout ? ManifestJson.Duration(timeout.Timeout) : null;

    public void Read(JsonNode value, IResource resource, ManifestReadContext context) =>
        resource.Annotations.Add(new StartTimeoutAnnotation(ManifestJson.AsDuration(value, value.GetPath())));
}
