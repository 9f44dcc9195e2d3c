namespace Orchestrator.Hosting.Manifest;

/// <summary>The manifest's fixed names: the version this host writes and reads, and the top-level properties.</summary>
public static class ManifestFormat
{
    /// <summary>The manifest version this host writes, and the only one it reads.</summary>
    public const int Version = 1;

    public const string VersionProperty = "version";
    public const string ResourcesProperty = "resources";
    public const string NameProperty = "name";
    public const string TypeProperty = "type";
}
