namespace Orchestrator.Api.Http.Contracts;

/// <summary>The replica the load balancer picked.</summary>
public sealed record BalancerPick(string Resource, string Replica, string Url, string Strategy);
