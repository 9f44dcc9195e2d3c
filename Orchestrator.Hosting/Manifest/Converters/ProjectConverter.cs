using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary><c>{"type": "project", "path": "../samples/Catalog/Catalog.csproj"}</c></summary>
internal sealed class ProjectConverter : IManifestResourceConverter
{
    private const string PathProperty = "path";

    public string Type => "project";

    public IReadOnlySet<string> Properties { get; } = new HashSet<string> { PathProperty };

    public bool CanWrite(IResource resource) => resource is ProjectResource;

    public void Write(IResource resource, JsonObject target, ManifestWriteContext context) =>
        target[PathProperty] = context.WritePath(((ProjectResource)resource).ProjectPath);

    public IResource Create(string name, JsonObject source, ManifestReadContext context) =>
        new ProjectResource(name, context.ReadPath(ManifestJson.RequiredString(source, PathProperty)));
}
