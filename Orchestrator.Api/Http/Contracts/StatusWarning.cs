namespace Orchestrator.Api.Http.Contracts;

/// <summary>Something that makes the system Degraded; <c>resource</c> is absent for the host.</summary>
public sealed record StatusWarning(string? Resource, string Message);
