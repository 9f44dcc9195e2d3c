namespace Orchestrator.Api.Http.Contracts;

/// <summary>One health check of a replica.</summary>
public sealed record HealthCheckEntry(DateTimeOffset Timestamp, string Kind, string Status, double DurationMs, string? Error);
