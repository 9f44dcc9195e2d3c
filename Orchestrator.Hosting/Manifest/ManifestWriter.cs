using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Manifest.Converters;

namespace Orchestrator.Hosting.Manifest;

/// <summary>
/// Writes a model as a versioned JSON manifest (<c>{"version": 1, "resources": [...]}</c>) that
/// <see cref="ManifestReader"/> turns back into the same model. Everything declarative is written;
/// environment callbacks run at launch and are left out. Passwords are named, never written.
/// </summary>
public static class ManifestWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // The manifest is a file for people and tools, not HTML: keep '+', '<' and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The manifest of <paramref name="model"/>, as indented JSON.</summary>
    /// <exception cref="InvalidOperationException">A resource is of a type the manifest cannot describe.</exception>
    public static string Write(DistributedApplicationModel model, ManifestWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var context = new ManifestWriteContext(options ?? new ManifestWriterOptions());
        var resources = new JsonArray();
        foreach (var resource in model.Resources)
        {
            resources.Add((JsonNode)WriteResource(resource, context));
        }

        var root = new JsonObject
        {
            [ManifestFormat.VersionProperty] = ManifestFormat.Version,
            [ManifestFormat.ResourcesProperty] = resources,
        };
        return root.ToJsonString(Json);
    }

    /// <summary>Writes the manifest of <paramref name="model"/> to <paramref name="path"/>, with paths relative to the manifest's directory.</summary>
    public static async Task WriteFileAsync(DistributedApplicationModel model, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        var json = Write(model, new ManifestWriterOptions { BaseDirectory = Path.GetDirectoryName(fullPath) });
        await File.WriteAllTextAsync(fullPath, json, cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject WriteResource(IResource resource, ManifestWriteContext context)
    {
        var converter = ManifestConverters.Resources.FirstOrDefault(c => c.CanWrite(resource))
            ?? throw new InvalidOperationException(
                $"Resource '{resource.Name}' is a {resource.GetType().Name}, which the manifest cannot describe. " +
                "Add a manifest converter for it or leave it out of the manifest.");
        var item = new JsonObject
        {
            [ManifestFormat.NameProperty] = resource.Name,
            [ManifestFormat.TypeProperty] = converter.Type,
        };
        converter.Write(resource, item, context);
        foreach (var annotation in ManifestConverters.Annotations)
        {
            if (annotation.Write(resource, context) is { } value)
            {
                item[annotation.PropertyName] = value;
            }
        }

        return item;
    }
}
