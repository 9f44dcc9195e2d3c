namespace Orchestrator.Api.Balancing;

/// <summary>The replica a balancer picked, and the URL to call it on.</summary>
public sealed record BalancedEndpoint(string Resource, string Replica, Uri Url, BalancingStrategy Strategy);
