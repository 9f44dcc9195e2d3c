using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Manifest.Converters;

namespace Orchestrator.Hosting.Manifest;

/// <summary>
/// Reads a manifest written by <see cref="ManifestWriter"/> back into a model: resources in manifest order,
/// with their annotations, and references and waits resolved by name. The model is not validated here;
/// <see cref="Validation.ModelValidator"/> does that, as for a model built in code.
/// </summary>
public static class ManifestReader
{
    private static readonly JsonDocumentOptions Json = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The model <paramref name="json"/> describes.</summary>
    /// <exception cref="InvalidManifestException">The text is not JSON, its version is not <see cref="ManifestFormat.Version"/>, or it does not describe a model; the message says where.</exception>
    public static DistributedApplicationModel Read(string json, ManifestReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        options ??= new ManifestReaderOptions();
        var root = ManifestJson.AsObject(Parse(json), "The manifest");
        CheckVersion(root);
        ManifestJson.RejectUnknown(root, new HashSet<string> { ManifestFormat.VersionProperty, ManifestFormat.ResourcesProperty }, "the manifest");

        var declarations = ReadDeclarations(ManifestJson.AsArray(ManifestJson.Required(root, ManifestFormat.ResourcesProperty), "$.resources"));
        var context = new ManifestReadContext(
            declarations.ToDictionary(d => d.Name, d => d.Declaration, StringComparer.Ordinal),
            ManifestConverters.Resources,
            options);

        // Every resource exists before any annotation is read, so a reference may name a resource declared after it.
        var resources = declarations.Select(d => context.GetResource(d.Name, ManifestJson.Where(d.Declaration, ManifestFormat.NameProperty))).ToList();
        foreach (var (resource, (_, declaration)) in resources.Zip(declarations))
        {
            ReadAnnotations(resource, declaration, context);
        }

        return new DistributedApplicationModel(resources);
    }

    /// <summary>The model the manifest file at <paramref name="path"/> describes; relative paths start from the file's directory.</summary>
    /// <exception cref="InvalidManifestException">The file does not hold a valid manifest.</exception>
    public static async Task<DistributedApplicationModel> ReadFileAsync(
        string path, ManifestReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        var json = await File.ReadAllTextAsync(fullPath, cancellationToken).ConfigureAwait(false);
        options ??= new ManifestReaderOptions();
        try
        {
            return Read(json, options with { BaseDirectory = options.BaseDirectory ?? Path.GetDirectoryName(fullPath) });
        }
        catch (InvalidManifestException e)
        {
            throw new InvalidManifestException($"{fullPath}: {e.Message}", e);
        }
    }

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: Json);
        }
        catch (JsonException e)
        {
            throw new InvalidManifestException(
                $"The manifest is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {e.Message}", e);
        }
    }

    private static void CheckVersion(JsonObject root)
    {
        if (root[ManifestFormat.VersionProperty] is null)
        {
            throw new InvalidManifestException(
                $"The manifest has no '{ManifestFormat.VersionProperty}'; this host reads version {ManifestFormat.Version} manifests.");
        }

        var version = ManifestJson.AsInt(root[ManifestFormat.VersionProperty], "$.version");
        if (version != ManifestFormat.Version)
        {
            throw new InvalidManifestException(
                $"The manifest is version {version}, but this host reads version {ManifestFormat.Version} only. " +
                "Write it again with this host's ManifestWriter, or run the host that wrote it.");
        }
    }

    private static List<(string Name, JsonObject Declaration)> ReadDeclarations(JsonArray resources)
    {
        var declarations = new List<(string Name, JsonObject Declaration)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < resources.Count; i++)
        {
            var declaration = ManifestJson.AsObject(resources[i], $"$.resources[{i}]");
            var name = ManifestJson.RequiredString(declaration, ManifestFormat.NameProperty);
            if (!names.Add(name))
            {
                throw new InvalidManifestException($"$.resources[{i}] declares resource '{name}' again; each name appears once.");
            }

            declarations.Add((name, declaration));
        }

        return declarations;
    }

    private static void ReadAnnotations(IResource resource, JsonObject declaration, ManifestReadContext context)
    {
        var type = ManifestJson.RequiredString(declaration, ManifestFormat.TypeProperty);
        var resourceConverter = ManifestConverters.Resources.First(c => c.Type == type);
        var known = new HashSet<string>(StringComparer.Ordinal) { ManifestFormat.NameProperty, ManifestFormat.TypeProperty };
        known.UnionWith(resourceConverter.Properties);
        known.UnionWith(ManifestConverters.Annotations.Select(c => c.PropertyName));
        ManifestJson.RejectUnknown(declaration, known, $"resource '{resource.Name}'");

        foreach (var converter in ManifestConverters.Annotations)
        {
            if (declaration[converter.PropertyName] is { } value)
            {
                converter.Read(value, resource, context);
            }
        }
    }
}
