namespace Orchestrator.Api.Http.Contracts;

/// <summary>Health checks and restarts across the system.</summary>
public sealed record PerformanceSummary(double? HealthCheckP50Ms, double? HealthCheckP99Ms, long HealthChecks, long FailedHealthChecks, double ErrorRate, int Restarts);
