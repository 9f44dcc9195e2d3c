using System.Globalization;

namespace Orchestrator.Api.Monitoring;

/// <summary>
/// Samples the host: CPU use from the deltas of <c>/proc/stat</c>'s first line between two samples,
/// memory from <c>/proc/meminfo</c> (MemTotal minus MemAvailable), and the use of the file system
/// that holds <see cref="DiskPath"/>. Keeps the previous CPU counters, so one sampler serves one caller.
/// </summary>
public sealed class HostStatsSampler
{
    private readonly IProcFileReader _proc;
    private readonly IDiskUsageReader _disk;
    private readonly Lock _gate = new();
    private CpuCounters? _previous;

    /// <param name="proc">Reads /proc.</param>
    /// <param name="disk">Reads disk use.</param>
    /// <param name="diskPath">The directory whose file system is watched (the state directory).</param>
    public HostStatsSampler(IProcFileReader proc, IDiskUsageReader disk, string diskPath)
    {
        ArgumentNullException.ThrowIfNull(proc);
        ArgumentNullException.ThrowIfNull(disk);
        ArgumentException.ThrowIfNullOrEmpty(diskPath);
        _proc = proc;
        _disk = disk;
        DiskPath = diskPath;
    }

    /// <summary>The directory whose file system is watched.</summary>
    public string DiskPath { get; }

    /// <summary>Samples the host now; CPU use is measured since the previous call (null on the first).</summary>
    public HostStats Sample()
    {
        var cpu = SampleCpu();
        var memory = _proc.ReadText("/proc/meminfo");
        var total = memory is null ? null : ProcText.FindKibibytes(memory, "MemTotal:") * 1024;
        var available = memory is null ? null : ProcText.FindKibibytes(memory, "MemAvailable:") * 1024;
        long? used = total is not null && available is not null ? total - available : null;
        double? memoryPercent = total is > 0 && used is not null ? 100.0 * used.Value / total.Value : null;
        var disk = _disk.Read(DiskPath);
        return new HostStats(cpu, memoryPercent, total, used, disk?.UsedPercent, disk?.TotalBytes, disk?.UsedBytes);
    }

    private double? SampleCpu()
    {
        var current = _proc.ReadText("/proc/stat") is { } stat ? ParseCpuCounters(stat) : null;
        lock (_gate)
        {
            var previous = _previous;
            _previous = current ?? _previous;
            if (current is null || previous is null)
            {
                return null;
            }

            var total = current.Total - previous.Total;
            var idle = current.Idle - previous.Idle;
            return total <= 0 ? null : Math.Clamp(100.0 * (total - idle) / total, 0, 100);
        }
    }

    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice": guest time is already in user.
    internal static CpuCounters? ParseCpuCounters(string stat)
    {
        var firstLine = stat.AsSpan();
        var end = firstLine.IndexOf('\n');
        if (end >= 0)
        {
            firstLine = firstLine[..end];
        }

        var fields = firstLine.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[0] != "cpu")
        {
            return null;
        }

        var values = new long[Math.Min(fields.Length - 1, 8)];
        for (var i = 0; i < values.Length; i++)
        {
            if (!long.TryParse(fields[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        var idle = values[3] + (values.Length > 4 ? values[4] : 0);
        return new CpuCounters(values.Sum(), idle);
    }

    internal sealed record CpuCounters(long Total, long Idle);
}
