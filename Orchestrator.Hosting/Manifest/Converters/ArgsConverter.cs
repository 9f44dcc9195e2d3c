using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary><c>"args": ["--verbose", "main.py"]</c>: every <see cref="CommandLineArgsAnnotation"/>, concatenated in order.</summary>
internal sealed class ArgsConverter : IManifestAnnotationConverter
{
    public string PropertyName => "args";

    public JsonNode? Write(IResource resource, ManifestWriteContext context)
    {
        var args = resource.Annotations.OfType<CommandLineArgsAnnotation>().SelectMany(a => a.Args).ToList();
        return args.Count == 0 ? null : new JsonArray(args.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
    }

    public void Read(JsonNode value, IResource resource, ManifestReadContext context)
    {
        var args = ManifestJson.AsArray(value, value.GetPath())
            .Select((arg, i) => ManifestJson.AsString(arg, $"{value.GetPath()}[{i}]"))
            .ToArray();
        resource.Annotations.Add(new CommandLineArgsAnnotation(args));
    }
}
