namespace Microsoft.Extensions.Hosting.ServiceDiscovery;

/// <summary>Every default of service discovery, in one place.</summary>
public static class ServiceDiscoveryDefaults
{
    /// <summary>The configuration section bound onto <see cref="ServiceDiscoveryOptions"/>.</summary>
    public const string SectionName = "ServiceDiscovery";

    /// <summary>Round-robin, unless configured otherwise.</summary>
    public const EndpointBalancing Balancing = EndpointBalancing.RoundRobin;

    /// <summary>
    /// A replica that refused a connection or broke one is stepped around for 5 seconds: about the time a restart
    /// takes, short enough that a replica back in service soon gets traffic again.
    /// </summary>
    public static readonly TimeSpan FailedEndpointQuarantine = TimeSpan.FromSeconds(5);
}
