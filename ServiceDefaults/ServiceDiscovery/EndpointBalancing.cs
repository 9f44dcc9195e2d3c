namespace Microsoft.Extensions.Hosting.ServiceDiscovery;

/// <summary>How a client picks the replica that gets a request.</summary>
public enum EndpointBalancing
{
    /// <summary>Each replica in turn: even spread, predictable (the demo's <c>X-Served-By</c> alternates).</summary>
    RoundRobin,

    /// <summary>
    /// Two replicas at random, and the one with fewer requests in flight from this client: a slow replica gets less
    /// work without any knowledge of the others' load.
    /// </summary>
    PowerOfTwoChoices,
}
