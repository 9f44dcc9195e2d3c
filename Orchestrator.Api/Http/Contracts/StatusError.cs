namespace Orchestrator.Api.Http.Contracts;

/// <summary>Something wrong with a resource that makes the system Unhealthy.</summary>
public sealed record StatusError(string Resource, string Message);
