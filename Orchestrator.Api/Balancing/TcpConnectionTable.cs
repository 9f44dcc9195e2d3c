using System.Globalization;

namespace Orchestrator.Api.Balancing;

/// <summary>Reads the text of /proc/net/tcp and /proc/net/tcp6: how many established connections each local port has.</summary>
public static class TcpConnectionTable
{
    // The kernel's TCP_ESTABLISHED, as the "st" column prints it.
    private const string Established = "01";

    /// <summary>
    /// Adds to <paramref name="counts"/> one per ESTABLISHED line of <paramref name="procNetTcp"/>, keyed by
    /// the local port. Lines that do not parse (the header, a truncated last line) are skipped.
    /// </summary>
    public static void CountEstablished(ReadOnlySpan<char> procNetTcp, Dictionary<int, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var range in procNetTcp.Split('\n'))
        {
            if (TryReadEstablishedLocalPort(procNetTcp[range], out var port))
            {
                counts[port] = counts.GetValueOrDefault(port) + 1;
            }
        }
    }

    // "   0: 0100007F:1F90 0100007F:C350 01 ...": sl, local address, remote address, state.
    private static bool TryReadEstablishedLocalPort(ReadOnlySpan<char> line, out int port)
    {
        port = 0;
        Span<Range> fields = stackalloc Range[5];
        var count = line.Split(fields, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (count < 4 || !line[fields[3]].SequenceEqual(Established))
        {
            return false;
        }

        var local = line[fields[1]];
        var colon = local.LastIndexOf(':');
        return colon >= 0
            && int.TryParse(local[(colon + 1)..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out port);
    }
}
