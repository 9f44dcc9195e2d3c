using System.Globalization;

namespace Orchestrator.Hosting.Tests.Drivers;

/// <summary>Who a process runs as, and who a user is, read from /proc and /etc/passwd.</summary>
internal static class ProcessOwner
{
    public static int RealUserIdOf(int processId) =>
        int.Parse(
            File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
                .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture);

    public static int UserIdOf(string userName) =>
        int.Parse(
            File.ReadLines("/etc/passwd").First(l => l.StartsWith(userName + ":", StringComparison.Ordinal)).Split(':')[2],
            CultureInfo.InvariantCulture);
}
