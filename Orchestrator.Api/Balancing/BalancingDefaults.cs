namespace Orchestrator.Api.Balancing;

/// <summary>Every default number of the load balancer, in one place.</summary>
public static class BalancingDefaults
{
    /// <summary>
    /// How old the connection table from /proc/net/tcp may get before a pick reads it again: 200 ms.
    /// Reading it on every pick would cost more than the pick itself at thousands of picks a second.
    /// </summary>
    public static TimeSpan ConnectionTableMaxAge { get; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The weight of a replica nobody gave one: 1.</summary>
    public const int Weight = 1;

    /// <summary>The files that list the host's TCP sockets, IPv4 and IPv6.</summary>
    public static IReadOnlyList<string> ProcNetTcpFiles { get; } = Array.AsReadOnly(["/proc/net/tcp", "/proc/net/tcp6"]);
}
