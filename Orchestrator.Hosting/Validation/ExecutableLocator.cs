namespace Orchestrator.Hosting.Validation;

/// <summary>
/// Finds the program an <see cref="ApplicationModel.ExecutableResource"/> runs, by the rule the model
/// promises: an absolute path is used as is, a path with a slash is relative to the working directory,
/// and a bare name is looked up on PATH.
/// </summary>
public static class ExecutableLocator
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>The full path of the program, or null when no executable file answers to <paramref name="command"/>.</summary>
    /// <param name="command">The program: a path, or a bare name.</param>
    /// <param name="workingDirectory">The directory a relative path starts from.</param>
    /// <param name="searchPath">The PATH to search for a bare name; the AppHost's own PATH when null.</param>
    public static string? Find(string command, string workingDirectory, string? searchPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentNullException.ThrowIfNull(workingDirectory);
        if (IsPath(command))
        {
            var path = Path.GetFullPath(command, workingDirectory);
            return IsExecutableFile(path) ? path : null;
        }

        searchPath ??= System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return searchPath
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, command))
            .FirstOrDefault(IsExecutableFile);
    }

    /// <summary>True when <paramref name="command"/> is a path (it holds a slash) rather than a name to look up on PATH.</summary>
    public static bool IsPath(string command) => command.Contains('/', StringComparison.Ordinal);

    /// <summary>True when <paramref name="path"/> is a file with an execute bit set (a directory is not).</summary>
    public static bool IsExecutableFile(string path) =>
        File.Exists(path) && (File.GetUnixFileMode(path) & AnyExecute) != 0;
}
