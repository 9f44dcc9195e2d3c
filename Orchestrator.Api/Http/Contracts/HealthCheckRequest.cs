namespace Orchestrator.Api.Http.Contracts;

/// <summary>How a registered service is probed.</summary>
public sealed record HealthCheckRequest(string? Path, double? IntervalSeconds, double? TimeoutSeconds);
