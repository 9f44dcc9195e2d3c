namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary>What a converter needs while writing: how to write a path.</summary>
internal sealed class ManifestWriteContext(ManifestWriterOptions options)
{
    /// <summary>The path relative to the base directory when there is one, else as it is.</summary>
    public string WritePath(string path) =>
        options.BaseDirectory is { } baseDirectory && Path.IsPathRooted(path)
            ? Path.GetRelativePath(baseDirectory, path)
            : path;
}
