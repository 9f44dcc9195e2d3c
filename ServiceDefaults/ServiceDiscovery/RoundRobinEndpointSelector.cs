using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Microsoft.Extensions.Hosting.ServiceDiscovery;

/// <summary>
/// Hands out replicas in turn, one rotation per service endpoint. A singleton: the HTTP client factory
/// recycles its handlers, and a rotation kept in a handler would restart at replica 0 each time.
/// </summary>
public sealed class RoundRobinEndpointSelector
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _counters = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The index of the replica to try first for the next request: 0, 1, ..., count-1, 0, ...</summary>
    /// <param name="key">The service endpoint (<see cref="ServiceEndpointSet.Key"/>).</param>
    /// <param name="count">How many replicas there are now; may change between calls.</param>
    public int NextIndex(string key, int count)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var counter = _counters.GetOrAdd(key, static _ => new StrongBox<long>(-1));
        var next = (ulong)Interlocked.Increment(ref counter.Value);
        return (int)(next % (ulong)count);
    }
}
