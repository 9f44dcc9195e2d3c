namespace Microsoft.Extensions.Hosting.ServiceDiscovery;

/// <summary>Power of two choices: of two replicas drawn at random, the one with less work in flight.</summary>
public sealed class PowerOfTwoChoicesEndpointSelector
{
    private readonly Random _random;

    /// <summary>Creates the selector; <paramref name="random"/> makes its draws repeatable in tests.</summary>
    public PowerOfTwoChoicesEndpointSelector(Random? random = null) => _random = random ?? Random.Shared;

    /// <summary>The index of the replica to try first.</summary>
    /// <param name="inFlight">Requests in flight to each replica, one entry per replica.</param>
    public int NextIndex(IReadOnlyList<int> inFlight)
    {
        ArgumentNullException.ThrowIfNull(inFlight);
        ArgumentOutOfRangeException.ThrowIfZero(inFlight.Count);
        if (inFlight.Count == 1)
        {
            return 0;
        }

        var first = _random.Next(inFlight.Count);
        // A second draw from the others, so the two are always different replicas.
        var second = (first + 1 + _random.Next(inFlight.Count - 1)) % inFlight.Count;
        return inFlight[second] < inFlight[first] ? second : first;
    }
}
