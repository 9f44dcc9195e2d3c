using System.Globalization;

namespace Orchestrator.Api.Tests.Monitoring;

/// <summary>/proc file contents in the kernel's format, with the numbers a test cares about.</summary>
internal static class ProcTexts
{
    /// <summary>A /proc/PID/stat line whose command name holds spaces and parentheses, as real ones can.</summary>
    public static string Stat(int pid, long utime, long stime, long rssPages = 2345) => string.Create(CultureInfo.InvariantCulture,
        $"{pid} (my (odd) app) S 1 {pid} {pid} 0 -1 4194304 1234 0 0 0 {utime} {stime} 0 0 20 0 3 0 123456 987654321 {rssPages} 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n");

    /// <summary>/proc/stat with the aggregate line first and a per-core line after it.</summary>
    public static string CpuStat(long user, long system, long idle, long iowait = 0) => string.Create(CultureInfo.InvariantCulture,
        $"cpu  {user} 0 {system} {idle} {iowait} 0 0 0 0 0\ncpu0 1 0 1 1 0 0 0 0 0 0\nintr 12345\nctxt 678\n");

    public static string MemInfo(long totalKib, long availableKib) => string.Create(CultureInfo.InvariantCulture,
        $"MemTotal:       {totalKib} kB\nMemFree:         1000 kB\nMemAvailable:   {availableKib} kB\nBuffers:          100 kB\n");
}
