namespace Orchestrator.Hosting.Manifest;

/// <summary>How a manifest is read.</summary>
public sealed record ManifestReaderOptions
{
    /// <summary>The directory relative paths start from; the current directory when null.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// Supplies the value of a secret the manifest names (a password the AppHost fixed; the manifest never
    /// holds the value), or null when unknown. Without it, a manifest that names such a secret cannot be read.
    /// Generated passwords need nothing: they stay in the state directory's secret store.
    /// </summary>
    public Func<string, string?>? SecretResolver { get; init; }
}
