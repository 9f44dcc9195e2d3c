using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary>
/// Writes and reads one kind of annotation as one property of a resource. A new annotation enters the
/// manifest as one new converter in <see cref="ManifestConverters.Annotations"/>.
/// </summary>
internal interface IManifestAnnotationConverter
{
    /// <summary>The resource property this converter owns (<c>env</c>, <c>endpoints</c>...).</summary>
    string PropertyName { get; }

    /// <summary>The property's value, or null when the resource has nothing to write.</summary>
    JsonNode? Write(IResource resource, ManifestWriteContext context);

    /// <summary>Adds the annotations <paramref name="value"/> describes to <paramref name="resource"/>.</summary>
    void Read(JsonNode value, IResource resource, ManifestReadContext context);
}
