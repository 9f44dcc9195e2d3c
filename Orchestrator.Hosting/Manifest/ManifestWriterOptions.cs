namespace Orchestrator.Hosting.Manifest;

/// <summary>How a manifest is written.</summary>
public sealed record ManifestWriterOptions
{
    /// <summary>
    /// When set, project paths and working directories are written relative to this directory (usually
    /// the manifest's own), so the manifest moves with the source tree; otherwise they are absolute.
    /// </summary>
    public string? BaseDirectory { get; init; }
}
