using System.Globalization;

namespace Orchestrator.Hosting.Tests.Processes;

/// <summary>What the tests read from /proc: whether a process lives, its parent, which processes are in a group.</summary>
internal static class ProcTable
{
    /// <summary>True while the process exists and is not a zombie (a zombie has ended; only its parent has not reaped it).</summary>
    public static bool IsAlive(int pid) => ReadStat(pid) is { } stat && stat.State is not ('Z' or 'X');

    /// <summary>The process group of a living process, or null.</summary>
    public static int? GroupOf(int pid) => ReadStat(pid) is { } stat && stat.State is not ('Z' or 'X') ? stat.Group : null;

    /// <summary>The parent of a living process, or null.</summary>
    public static int? ParentOf(int pid) => ReadStat(pid) is { } stat && stat.State is not ('Z' or 'X') ? stat.Parent : null;

    /// <summary>Every living process in group <paramref name="processGroupId"/>.</summary>
    public static IReadOnlyList<int> LivingMembersOf(int processGroupId) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && GroupOf(pid) == processGroupId)
            .ToArray();

    /// <summary>A signal mask from /proc/PID/status ("SigIgn", "SigBlk"): bit N-1 is signal N.</summary>
    public static ulong SignalMask(int pid, string field) =>
        ulong.Parse(
            File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal))[(field.Length + 1)..].Trim(),
            NumberStyles.HexNumber,
            CultureInfo.InvariantCulture);

    /// <summary>
    /// The open descriptors of this process of the kinds a runner makes: pipes and anonymous inodes (pidfds,
    /// epoll sets, eventfds). The test host's own sockets and files, which it may open at any time, are not counted.
    /// </summary>
    public static int OwnPipeAndAnonymousDescriptorCount() => Directory.GetFiles("/proc/self/fd").Count(IsPipeOrAnonymous);

    private static bool IsPipeOrAnonymous(string descriptor)
    {
        try
        {
            return new FileInfo(descriptor).LinkTarget is { } target
                && (target.StartsWith("pipe:", StringComparison.Ordinal) || target.StartsWith("anon_inode:", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false; // closed while listed
        }
    }

    private static (char State, int Parent, int Group)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture));
    }
}
