using System.Globalization;

namespace Orchestrator.Api.Monitoring;

/// <summary>
/// Reads a process's CPU time (<c>/proc/PID/stat</c>, utime + stime) and resident memory
/// (<c>VmRSS</c> of <c>/proc/PID/status</c>, else <c>/proc/PID/statm</c>). CPU use is the CPU time
/// between two samples over the wall time between them, in percent of one core.
/// </summary>
public sealed class ProcessStatsSampler(IProcFileReader reader, TimeProvider timeProvider)
{
    // Fields after the command name, which is in parentheses and may itself hold spaces and parentheses.
    private const int StateField = 3;
    private const int UtimeField = 14;
    private const int StimeField = 15;

    /// <summary>The process's counters now, or null when it does not exist or its files cannot be read.</summary>
    public ProcessSample? Read(int processId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(processId);
        var timestamp = timeProvider.GetTimestamp();
        var stat = reader.ReadText($"/proc/{processId}/stat");
        if (stat is null || ParseCpuTime(stat) is not { } cpuTime)
        {
            return null;
        }

        var rss = ParseRssBytes(reader.ReadText($"/proc/{processId}/status"))
            ?? ParseStatmRssBytes(reader.ReadText($"/proc/{processId}/statm"))
            ?? 0;
        return new ProcessSample(processId, cpuTime, rss, timestamp);
    }

    /// <summary>The CPU use between two samples of one process, in percent of one core (200 means two cores busy).</summary>
    /// <exception cref="ArgumentException">The samples are of different processes.</exception>
    public double? CpuPercent(ProcessSample earlier, ProcessSample later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        if (earlier.ProcessId != later.ProcessId)
        {
            throw new ArgumentException($"Samples of processes {earlier.ProcessId} and {later.ProcessId} cannot be compared.", nameof(later));
        }

        var wall = timeProvider.GetElapsedTime(earlier.Timestamp, later.Timestamp);
        if (wall <= TimeSpan.Zero)
        {
            return null;
        }

        var cpu = later.CpuTime - earlier.CpuTime;
        return Math.Max(0, cpu / wall * 100);
    }

    internal static TimeSpan? ParseCpuTime(string stat)
    {
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length <= StimeField - StateField
            || !long.TryParse(fields[UtimeField - StateField], NumberStyles.None, CultureInfo.InvariantCulture, out var utime)
            || !long.TryParse(fields[StimeField - StateField], NumberStyles.None, CultureInfo.InvariantCulture, out var stime))
        {
            return null;
        }

        return TimeSpan.FromSeconds((double)(utime + stime) / MonitoringDefaults.ClockTicksPerSecond);
    }

    internal static long? ParseRssBytes(string? status) =>
        status is null ? null : ProcText.FindKibibytes(status, "VmRSS:") * 1024;

    internal static long? ParseStatmRssBytes(string? statm)
    {
        var fields = statm?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: >= 2 } && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pages)
            ? pages * Environment.SystemPageSize
            : null;
    }
}
