using System.Text.Json.Nodes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary>
/// What a converter needs while reading: the resources by name (created on first use, so a database can
/// name a server declared after it), paths and secrets.
/// </summary>
internal sealed class ManifestReadContext(
    IReadOnlyDictionary<string, JsonObject> declarations,
    IReadOnlyList<IManifestResourceConverter> resourceConverters,
    ManifestReaderOptions options)
{
    private readonly Dictionary<string, IResource> _created = new(StringComparer.Ordinal);
    private readonly HashSet<string> _creating = new(StringComparer.Ordinal);

    /// <summary>The resource named <paramref name="name"/>, created from its declaration if need be.</summary>
    /// <param name="name">The name to resolve.</param>
    /// <param name="where">The JSON path that names it, for the error.</param>
    public IResource GetResource(string name, string where)
    {
        if (_created.TryGetValue(name, out var resource))
        {
            return resource;
        }

        if (!declarations.TryGetValue(name, out var declaration))
        {
            throw new InvalidManifestException($"{where} names resource '{name}', which the manifest does not declare.");
        }

        if (!_creating.Add(name))
        {
            throw new InvalidManifestException($"{where}: resource '{name}' is needed to create itself.");
        }

        var type = ManifestJson.RequiredString(declaration, ManifestFormat.TypeProperty);
        var converter = resourceConverters.FirstOrDefault(c => c.Type == type)
            ?? throw new InvalidManifestException(
                $"{ManifestJson.Where(declaration, ManifestFormat.TypeProperty)} is '{type}', which this host does not know. " +
                $"Known types: {string.Join(", ", resourceConverters.Select(c => c.Type))}.");
        resource = converter.Create(name, declaration, this);
        _creating.Remove(name);
        _created.Add(name, resource);
        return resource;
    }

    /// <summary>A path from the manifest, made absolute against the base directory.</summary>
    public string ReadPath(string path) => Path.GetFullPath(path, options.BaseDirectory ?? Directory.GetCurrentDirectory());

    /// <summary>The value of the secret <paramref name="secretName"/>.</summary>
    /// <exception cref="InvalidManifestException">No resolver knows it.</exception>
    public string ResolveSecret(string secretName, string resourceName) =>
        options.SecretResolver?.Invoke(secretName)
        ?? throw new InvalidManifestException(
            $"Resource '{resourceName}' has a password the AppHost supplied, which the manifest names as secret '{secretName}' " +
            "but never holds. Supply it through ManifestReaderOptions.SecretResolver.");
}
