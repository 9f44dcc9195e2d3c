using System.Net;
using System.Net.Sockets;

namespace Orchestrator.Api.Balancing;

/// <summary>
/// Stable 64-bit hashes (FNV-1a, then a finalizer that spreads the bits): the same in every process
/// and every run, unlike <see cref="string.GetHashCode()"/>, so a caller keeps its replica across restarts.
/// </summary>
internal static class ReplicaHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong OfName(string name)
    {
        var hash = Offset;
        foreach (var c in name)
        {
            hash = (hash ^ c) * Prime;
        }

        return Mix(hash);
    }

    /// <summary>The caller's hash; an IPv4 address seen as IPv6 (::ffff:a.b.c.d) hashes as itself.</summary>
    public static ulong OfAddress(IPAddress? address)
    {
        if (address is null)
        {
            return Mix(Offset);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written))
        {
            return Mix(Offset);
        }

        var hash = Offset;
        foreach (var b in bytes[..written])
        {
            hash = (hash ^ b) * Prime;
        }

        return Mix(hash);
    }

    /// <summary>MurmurHash3's 64-bit finalizer.</summary>
    public static ulong Mix(ulong value)
    {
        value ^= value >> 33;
        value *= 0xff51afd7ed558ccdUL;
        value ^= value >> 33;
        value *= 0xc4ceb9fe1a85ec53UL;
        value ^= value >> 33;
        return value;
    }
}
