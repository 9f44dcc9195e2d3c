namespace Orchestrator.Hosting.Drivers;

/// <summary>A server's programs are not installed; the message names the Debian package that brings them.</summary>
public sealed class ServerBinariesNotFoundException(string product, string program, string package, IReadOnlyList<string> searchedDirectories)
    : Exception(
        $"{product} is not installed: no '{program}' in {string.Join(", ", searchedDirectories)}. " +
        $"Install it with: apt-get install {package}")
{
    /// <summary>The program that was looked for.</summary>
    public string Program { get; } = program;

    /// <summary>The Debian package that provides it.</summary>
    public string Package { get; } = package;

    /// <summary>Where it was looked for.</summary>
    public IReadOnlyList<string> SearchedDirectories { get; } = searchedDirectories;
}
