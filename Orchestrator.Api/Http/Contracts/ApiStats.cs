namespace Orchestrator.Api.Http.Contracts;

/// <summary>The API's and the orchestrator's counters.</summary>
public sealed record ApiStats(
    RequestCounts Requests,
    LatencySummary LatencyMs,
    HealthCheckCounts HealthChecks,
    int Restarts,
    EventCounts Events,
    int StreamClients);
