namespace Orchestrator.Api.Http.Contracts;

/// <summary>Health checks kept in the monitor's history.</summary>
public sealed record HealthCheckCounts(long Total, long Failed, double? P50Ms, double? P99Ms);
