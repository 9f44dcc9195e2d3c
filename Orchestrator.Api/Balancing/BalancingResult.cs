namespace Orchestrator.Api.Balancing;

/// <summary>The outcome of <see cref="ILoadBalancer.Pick"/>: the endpoint when picked, a reason otherwise.</summary>
public sealed record BalancingResult(BalancingStatus Status, BalancedEndpoint? Endpoint, string? Reason);
