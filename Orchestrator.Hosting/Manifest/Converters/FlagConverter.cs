using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary>A marker annotation as <c>"{property}": true</c>, left out when absent (<c>explicitStart</c>, <c>optional</c>).</summary>
internal sealed class FlagConverter<TAnnotation>(string propertyName) : IManifestAnnotationConverter
    where TAnnotation : IResourceAnnotation, new()
{
    public string PropertyName { get; } = propertyName;

    public JsonNode? Write(IResource resource, ManifestWriteContext context) =>
        resource.Annotations.OfType<TAnnotation>().Any() ? JsonValue.Create(true) : null;

    public void Read(JsonNode value, IResource resource, ManifestReadContext context)
    {
        if (ManifestJson.AsBool(value, value.GetPath()))
        {
            resource.Annotations.Add(new TAnnotation());
        }
    }
}
