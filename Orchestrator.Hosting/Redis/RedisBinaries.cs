using Orchestrator.Hosting.Drivers;

namespace Orchestrator.Hosting.Redis;

/// <summary>Finds <c>redis-server</c>. Looks again on every call, so installing Redis while the AppHost runs is enough.</summary>
public sealed class RedisBinaries
{
    /// <summary>The server program's name.</summary>
    public const string ServerProgram = "redis-server";

    private readonly IReadOnlyList<string> _searchDirectories;

    /// <summary>Looks in Debian's directories, then on PATH.</summary>
    public RedisBinaries()
        : this(DefaultSearchDirectories())
    {
    }

    /// <param name="searchDirectories">Directories that may hold <c>redis-server</c>, in order.</param>
    public RedisBinaries(IEnumerable<string> searchDirectories)
    {
        ArgumentNullException.ThrowIfNull(searchDirectories);
        _searchDirectories = searchDirectories.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The path of <c>redis-server</c>.</summary>
    /// <exception cref="ServerBinariesNotFoundException">It is not installed; the message says <c>apt-get install redis-server</c>.</exception>
    public string Locate() =>
        _searchDirectories
            .Select(directory => Path.Combine(directory, ServerProgram))
            .FirstOrDefault(File.Exists)
        ?? throw new ServerBinariesNotFoundException("Redis", ServerProgram, "redis-server", _searchDirectories);

    private static IEnumerable<string> DefaultSearchDirectories() =>
        new[] { "/usr/bin", "/usr/local/bin", "/usr/sbin" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
}
