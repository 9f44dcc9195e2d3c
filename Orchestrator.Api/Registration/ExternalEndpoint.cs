namespace Orchestrator.Api.Registration;

/// <summary>One endpoint of a registered external service; it becomes one replica.</summary>
public sealed record ExternalEndpoint(Uri Url, int Weight = 1);
