namespace Microsoft.Extensions.Hosting.ServiceDiscovery;

/// <summary>
/// How requests spread over a service's replicas. Bound from the <c>ServiceDiscovery</c> configuration section
/// (<c>ServiceDiscovery:Balancing=PowerOfTwoChoices</c>, or the variable <c>ServiceDiscovery__Balancing</c>).
/// </summary>
public sealed record ServiceDiscoveryOptions
{
    /// <summary>How the replica for a request is picked. Default round-robin.</summary>
    public EndpointBalancing Balancing { get; set; } = ServiceDiscoveryDefaults.Balancing;

    /// <summary>
    /// How long a replica is stepped around after a transport failure (refused or broken connection; an error
    /// response is an answer and does not count). Zero turns passive health off. Default 5 s.
    /// </summary>
    public TimeSpan FailedEndpointQuarantine { get; set; } = ServiceDiscoveryDefaults.FailedEndpointQuarantine;
}
