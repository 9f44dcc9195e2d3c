namespace Orchestrator.Api.Http.Contracts;

/// <summary>The orchestrator's own health.</summary>
public sealed record HealthResponse(string Status);
