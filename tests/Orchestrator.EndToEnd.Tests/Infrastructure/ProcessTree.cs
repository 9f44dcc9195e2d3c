using System.Globalization;

namespace Orchestrator.EndToEnd.Tests.Infrastructure;

/// <summary>Reads the process tree from /proc, to check that nothing is left behind.</summary>
internal static class ProcessTree
{
    /// <summary>Every live descendant of <paramref name="root"/>.</summary>
    public static IReadOnlyList<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(System.IO.Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ReadStat(pid) is { } stat && stat.State is not ('Z' or 'X'))
            {
                parents[pid] = stat.ParentId;
            }
        }

        var result = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.Count > 0)
        {
            var parent = frontier.Dequeue();
            foreach (var (pid, ppid) in parents)
            {
                if (ppid == parent)
                {
                    result.Add(pid);
                    frontier.Enqueue(pid);
                }
            }
        }

        return result;
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid) => ReadStat(pid) is { State: not ('Z' or 'X') };

    /// <summary>Waits until none of <paramref name="pids"/> is alive; returns those still alive at the deadline.</summary>
    public static async Task<IReadOnlyList<int>> WaitUntilGoneAsync(IEnumerable<int> pids, TimeSpan timeout)
    {
        var remaining = pids.ToList();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            remaining = remaining.Where(IsAlive).ToList();
            if (remaining.Count == 0 || DateTime.UtcNow > deadline)
            {
                return remaining;
            }

            await Task.Delay(20);
        }
    }

    private static (char State, int ParentId)? ReadStat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
