namespace Orchestrator.Api.Balancing;

/// <summary>How <see cref="ILoadBalancer"/> picks one replica among the eligible ones.</summary>
public enum BalancingStrategy
{
    /// <summary>Two random eligible replicas, the one with fewer established connections (the default).</summary>
    PowerOfTwo,

    /// <summary>Each eligible replica in turn.</summary>
    RoundRobin,

    /// <summary>The eligible replica with the fewest established TCP connections on its port.</summary>
    LeastConnections,

    /// <summary>Smooth weighted round-robin over the replicas' weights.</summary>
    Weighted,

    /// <summary>The same replica for the same caller address, moving only a leaving replica's share.</summary>
    IpHash,
}
