using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Microsoft.Extensions.Hosting.ServiceDiscovery;

/// <summary>
/// Decides the order in which one request tries a service's replicas: the replicas not in quarantine first, starting
/// with the one the balancing strategy picks and going on in rotation, then the quarantined ones as a last resort
/// (a replica may be back before its quarantine ends). Also counts the requests in flight for power of two choices.
/// A singleton, shared by every client of the process.
/// </summary>
public sealed class ServiceEndpointBalancer
{
    private readonly EndpointBalancing _balancing;
    private readonly RoundRobinEndpointSelector _roundRobin;
    private readonly PowerOfTwoChoicesEndpointSelector _powerOfTwo;
    private readonly ConcurrentDictionary<string, StrongBox<int>> _inFlight = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a balancer.</summary>
    /// <param name="balancing">How the first replica is picked.</param>
    /// <param name="quarantine">Which replicas failed recently.</param>
    /// <param name="roundRobin">The rotations, when balancing round-robin.</param>
    /// <param name="powerOfTwo">The draws, when balancing by power of two choices.</param>
    public ServiceEndpointBalancer(
        EndpointBalancing balancing,
        EndpointQuarantine quarantine,
        RoundRobinEndpointSelector? roundRobin = null,
        PowerOfTwoChoicesEndpointSelector? powerOfTwo = null)
    {
        ArgumentNullException.ThrowIfNull(quarantine);
        _balancing = balancing;
        Quarantine = quarantine;
        _roundRobin = roundRobin ?? new RoundRobinEndpointSelector();
        _powerOfTwo = powerOfTwo ?? new PowerOfTwoChoicesEndpointSelector();
    }

    /// <summary>The replicas that failed recently.</summary>
    public EndpointQuarantine Quarantine { get; }

    /// <summary>Every replica of <paramref name="service"/>, in the order one request should try them.</summary>
    public IReadOnlyList<Uri> Order(ServiceEndpointSet service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var healthy = service.Endpoints.Where(e => !Quarantine.IsQuarantined(e)).ToList();
        var quarantined = service.Endpoints.Where(Quarantine.IsQuarantined).ToList();
        if (healthy.Count == 0)
        {
            // Every replica failed recently: try them all, in rotation, rather than fail without trying.
            (healthy, quarantined) = (quarantined, []);
        }

        var first = _balancing == EndpointBalancing.PowerOfTwoChoices
            ? _powerOfTwo.NextIndex(healthy.Select(InFlight).ToList())
            : _roundRobin.NextIndex(service.Key, healthy.Count);
        return [.. healthy.Skip(first), .. healthy.Take(first), .. quarantined];
    }

    /// <summary>Counts a request to <paramref name="endpoint"/> as in flight until the returned handle is disposed.</summary>
    public IDisposable BeginRequest(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var counter = _inFlight.GetOrAdd(endpoint.GetLeftPart(UriPartial.Authority), static _ => new StrongBox<int>());
        Interlocked.Increment(ref counter.Value);
        return new InFlightRequest(counter);
    }

    /// <summary>The requests in flight to <paramref name="endpoint"/> from this process.</summary>
    public int InFlight(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _inFlight.TryGetValue(endpoint.GetLeftPart(UriPartial.Authority), out var counter) ? Volatile.Read(ref counter.Value) : 0;
    }

    private sealed class InFlightRequest(StrongBox<int> counter) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref counter.Value);
            }
        }
    }
}
