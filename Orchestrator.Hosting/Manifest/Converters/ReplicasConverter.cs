using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary><c>"replicas": 2</c>, written only when the AppHost called <c>WithReplicas</c>.</summary>
internal sealed class ReplicasConverter : IManifestAnnotationConverter
{
    public string PropertyName => "replicas";

    public JsonNode? Write(IResource resource, ManifestWriteContext context) =>
        resource.Annotations.LastOfType<ReplicaAnnotation>() is { } replicas ? JsonValue.Create(replicas.Replicas) : null;

    public void Read(JsonNode value, IResource resource, ManifestReadContext context) =>
        resource.Annotations.Add(new ReplicaAnnotation(ManifestJson.AsInt(value, value.GetPath())));
}
