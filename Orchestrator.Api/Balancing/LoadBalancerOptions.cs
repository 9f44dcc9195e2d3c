namespace Orchestrator.Api.Balancing;

/// <summary>How the load balancer reads connection counts.</summary>
public sealed record LoadBalancerOptions
{
    /// <summary>How old the connection table may get before it is read again; <see cref="BalancingDefaults.ConnectionTableMaxAge"/> by default.</summary>
    public TimeSpan ConnectionTableMaxAge { get; init; } = BalancingDefaults.ConnectionTableMaxAge;

    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate() => ArgumentOutOfRangeException.ThrowIfLessThan(ConnectionTableMaxAge, TimeSpan.Zero, nameof(ConnectionTableMaxAge));
}
