namespace Orchestrator.Api.Http.Contracts;

/// <summary>The whole system at a glance.</summary>
public sealed record SystemStatus(
    string Status,
    DateTimeOffset Timestamp,
    double UptimeSeconds,
    IReadOnlyList<ResourceSummary> Resources,
    IReadOnlyList<StatusError> Errors,
    IReadOnlyList<StatusWarning> Warnings,
    PerformanceSummary Performance,
    HostSummary Host);
