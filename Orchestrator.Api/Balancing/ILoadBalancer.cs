using System.Net;

namespace Orchestrator.Api.Balancing;

/// <summary>
/// Picks one replica of a resource. Only replicas that are Running, Healthy, not quarantined and
/// whose resource's circuit is not open are ever picked.
/// </summary>
public interface ILoadBalancer
{
    /// <summary>Picks a replica of <paramref name="resource"/> with <paramref name="strategy"/>; <paramref name="caller"/> feeds ip-hash.</summary>
    BalancingResult Pick(string resource, BalancingStrategy strategy, IPAddress? caller);
}
