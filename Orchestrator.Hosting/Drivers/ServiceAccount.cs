using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Drivers;

/// <summary>
/// The unprivileged account a server runs as when the AppHost runs as root (PostgreSQL refuses root,
/// and Redis is better off without it): who owns its data directory and how its tools are started.
/// </summary>
internal sealed record ServiceAccount(string Name)
{
    private const string PasswordDatabase = "/etc/passwd";

    /// <summary>True when the AppHost runs as root.</summary>
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>The account when the AppHost runs as root and the account exists; otherwise null (run as the AppHost's user).</summary>
    public static ServiceAccount? WhenRoot(string name) => IsRoot && Exists(name) ? new ServiceAccount(name) : null;

    /// <summary>True when the system knows a user named <paramref name="name"/>.</summary>
    public static bool Exists(string name) =>
        File.Exists(PasswordDatabase)
        && File.ReadLines(PasswordDatabase).Any(line => line.StartsWith(name + ":", StringComparison.Ordinal));

    /// <summary>
    /// The first directory on the way to <paramref name="path"/> (itself excluded) that others cannot
    /// traverse, or null. An unprivileged server cannot reach a data directory below such a one.
    /// </summary>
    public static string? FindUntraversableAncestor(string path)
    {
        for (var directory = Path.GetDirectoryName(Path.GetFullPath(path)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.Exists(directory) && !File.GetUnixFileMode(directory).HasFlag(UnixFileMode.OtherExecute))
            {
                return directory;
            }
        }

        return null;
    }

    /// <summary>Gives the account the directory and everything in it.</summary>
    public async Task TakeOwnershipAsync(string path, CancellationToken cancellationToken)
    {
        var result = await ExternalCommand.RunAsync("chown", ["-R", $"{Name}:", path], "/", cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new ProcessStartException(
                $"Could not give '{path}' to user '{Name}': {string.Join(" ", result.Tail(3))}");
        }
    }

    /// <summary>The command line that runs <paramref name="fileName"/> as this account (its groups included).</summary>
    public (string FileName, IReadOnlyList<string> Arguments) Wrap(string fileName, IReadOnlyList<string> arguments) =>
        ("setpriv", [$"--reuid={Name}", $"--regid={Name}", "--init-groups", "--", fileName, .. arguments]);
}
