using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary>Writes and creates one type of resource: the part of it that is not an annotation.</summary>
internal interface IManifestResourceConverter
{
    /// <summary>The manifest's <c>type</c> value (<see cref="ResourceExtensions.GetResourceType"/>).</summary>
    string Type { get; }

    /// <summary>The properties this converter owns beside <c>name</c> and <c>type</c>.</summary>
    IReadOnlySet<string> Properties { get; }

    bool CanWrite(IResource resource);

    void Write(IResource resource, JsonObject target, ManifestWriteContext context);

    /// <summary>Creates the resource, without any annotation (the annotation converters add those).</summary>
    IResource Create(string name, JsonObject source, ManifestReadContext context);
}
