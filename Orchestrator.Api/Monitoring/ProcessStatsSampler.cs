using System.Globalization;

namespace Orchestrator.Api.Monitoring;

/// <summary>
/// Reads a process's CPU time (utime + stime) and resident memory (rss, the same figure as
/// <c>VmRSS</c>) from its <c>/proc/PID/stat</c>: one small file per sample, where <c>status</c> would
/// make the kernel format forty lines to give one. CPU use is the CPU time between two samples over
/// the wall time between them, in percent of one core.
/// </summary>
public sealed class ProcessStatsSampler(IProcFileReader reader, TimeProvider timeProvider)
{
    // Fields after the command name, which is in parentheses and may itself hold spaces and parentheses.
    private const int StateField = 3;
    private const int UtimeField = 14;
    private const int StimeField = 15;
    private const int RssPagesField = 24;

    /// <summary>The process's counters now, or null when it does not exist or its files cannot be read.</summary>
    public ProcessSample? Read(int processId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(processId);
        var timestamp = timeProvider.GetTimestamp();
        var stat = reader.ReadText(string.Create(CultureInfo.InvariantCulture, $"/proc/{processId}/stat"));
        var fields = stat is null ? null : FieldsAfterCommand(stat);
        if (fields is null || ParseCpuTime(fields) is not { } cpuTime)
        {
            return null;
        }

        var rss = ParseField(fields, RssPagesField) is { } pages ? pages * Environment.SystemPageSize : 0;
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

    private static TimeSpan? ParseCpuTime(string[] fields) =>
        ParseField(fields, UtimeField) is { } utime && ParseField(fields, StimeField) is { } stime
            ? TimeSpan.FromSeconds((double)(utime + stime) / MonitoringDefaults.ClockTicksPerSecond)
            : null;

    // The command name is in parentheses and may itself hold spaces and parentheses: fields start after the last ')'.
    private static string[]? FieldsAfterCommand(string stat)
    {
        var close = stat.LastIndexOf(')');
        return close < 0 ? null : stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    // Field numbers are proc(5)'s, which count the pid as 1 and the command as 2.
    private static long? ParseField(string[] fields, int field) =>
        fields.Length > field - StateField
        && long.TryParse(fields[field - StateField], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
