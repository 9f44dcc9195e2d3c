using System.Globalization;

namespace Orchestrator.Hosting.Postgres;

/// <summary>
/// <c>postmaster.pid</c>, the lock file a running PostgreSQL keeps in its data directory. A server that
/// was killed leaves it behind; PostgreSQL then refuses to start when the process id in it now belongs
/// to another program (common after a reboot or in a container), so a stale one is removed first.
/// </summary>
internal static class PostmasterLock
{
    /// <summary>The lock file's name in the data directory.</summary>
    public const string FileName = "postmaster.pid";

    /// <summary>
    /// Removes the lock file unless a PostgreSQL process still holds it. Returns whether it was removed,
    /// and the id of the live process that holds it, if any.
    /// </summary>
    public static (bool Removed, int? HolderProcessId) RemoveIfStale(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            return (false, null);
        }

        var firstLine = File.ReadLines(path).FirstOrDefault();
        if (int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var processId) && IsPostgres(processId))
        {
            return (false, processId);
        }

        File.Delete(path);
        return (true, null);
    }

    private static bool IsPostgres(int processId)
    {
        try
        {
            return File.ReadAllText($"/proc/{processId}/comm").Trim() is "postgres" or "postmaster";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // no such process
        }
    }
}
