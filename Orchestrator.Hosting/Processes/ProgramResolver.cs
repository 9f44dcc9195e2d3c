namespace Orchestrator.Hosting.Processes;

/// <summary>
/// Finds the program a spec names before anything is started, so a typo is a clear
/// <see cref="ProcessStartException"/> and not only bash's "command not found" in a log.
/// </summary>
internal static class ProgramResolver
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>
    /// The absolute path of <paramref name="fileName"/>: a path (relative ones from
    /// <paramref name="workingDirectory"/>, where the program runs), or a bare name looked up on
    /// <paramref name="searchPath"/> (the PATH the program will see).
    /// </summary>
    /// <exception cref="ProcessStartException">No executable file by that name.</exception>
    public static string Resolve(string fileName, string workingDirectory, string? searchPath, string replicaName)
    {
        if (fileName.Contains('/'))
        {
            var path = System.IO.Path.GetFullPath(fileName, workingDirectory);
            return IsExecutableFile(path)
                ? path
                : throw new ProcessStartException(
                    $"Cannot start '{replicaName}': the program '{fileName}' ({path}) {(File.Exists(path) ? "is not executable" : "does not exist")}. Check the path, or chmod +x it.");
        }

        var directories = (searchPath ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        foreach (var directory in directories)
        {
            var candidate = System.IO.Path.Combine(System.IO.Path.GetFullPath(directory, workingDirectory), fileName);
            if (IsExecutableFile(candidate))
            {
                return candidate;
            }
        }

        throw new ProcessStartException(
            $"Cannot start '{replicaName}': the program '{fileName}' was not found on PATH ({searchPath}). Install it, or give its full path.");
    }

    private static bool IsExecutableFile(string path) =>
        File.Exists(path) && (File.GetUnixFileMode(path) & AnyExecute) != 0;
}
