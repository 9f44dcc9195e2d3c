using System.Globalization;
using Orchestrator.Hosting.Drivers;

namespace Orchestrator.Hosting.Postgres;

/// <summary>
/// Finds the newest installed PostgreSQL: Debian puts each version in <c>/usr/lib/postgresql/{version}/bin</c>.
/// Looks again on every call, so installing PostgreSQL while the AppHost runs is enough.
/// </summary>
public sealed class PostgresBinaries
{
    private readonly IReadOnlyList<string> _searchDirectories;

    /// <summary>Looks in Debian's <c>/usr/lib/postgresql</c>.</summary>
    public PostgresBinaries()
        : this(DefaultSearchDirectories)
    {
    }

    /// <param name="searchDirectories">Directories that hold one subdirectory per version, each with a <c>bin</c> directory.</param>
    public PostgresBinaries(IEnumerable<string> searchDirectories)
    {
        ArgumentNullException.ThrowIfNull(searchDirectories);
        _searchDirectories = searchDirectories.ToList();
    }

    /// <summary>Where Debian installs PostgreSQL.</summary>
    public static IReadOnlyList<string> DefaultSearchDirectories { get; } = Array.AsReadOnly(["/usr/lib/postgresql"]);

    /// <summary>The newest installation that has both <c>postgres</c> and <c>initdb</c>.</summary>
    /// <exception cref="ServerBinariesNotFoundException">None is installed; the message says <c>apt-get install postgresql</c>.</exception>
    public PostgresInstallation Locate() =>
        _searchDirectories
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Select(directory => new PostgresInstallation(Path.Combine(directory, "bin"), Path.GetFileName(directory)))
            .Where(i => File.Exists(i.Postgres) && File.Exists(i.InitDb))
            .OrderByDescending(i => SortKey(i.Version))
            .FirstOrDefault()
        ?? throw new ServerBinariesNotFoundException(
            "PostgreSQL",
            "postgres",
            "postgresql",
            _searchDirectories.Select(d => Path.Combine(d, "<version>", "bin")).ToList());

    // Numeric, not alphabetical: 15 is newer than 9.6.
    private static (int Major, int Minor) SortKey(string version)
    {
        var parts = version.Split('.');
        var major = int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : -1;
        var minor = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return (major, minor);
    }
}
