using System.Collections.Concurrent;

namespace Microsoft.Extensions.Hosting.ServiceDiscovery;

/// <summary>
/// Passive health: remembers the replicas that just failed at the transport level, for a while, so requests step
/// around them instead of paying a refused connection each. Nothing is probed; the traffic itself is the probe.
/// </summary>
public sealed class EndpointQuarantine
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeSpan _duration;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the quarantine; a failed replica is avoided for <paramref name="duration"/> (zero: never).</summary>
    public EndpointQuarantine(TimeSpan duration, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _duration = duration;
        _timeProvider = timeProvider;
    }

    /// <summary>The replica failed: avoid it for the quarantine's duration from now.</summary>
    public void ReportFailure(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (_duration > TimeSpan.Zero)
        {
            _until[Key(endpoint)] = _timeProvider.GetUtcNow() + _duration;
        }
    }

    /// <summary>The replica answered: it is healthy again at once.</summary>
    public void ReportSuccess(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _until.TryRemove(Key(endpoint), out _);
    }

    /// <summary>True while the replica is to be avoided.</summary>
    public bool IsQuarantined(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _until.TryGetValue(Key(endpoint), out var until) && _timeProvider.GetUtcNow() < until;
    }

    private static string Key(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Authority);
}
