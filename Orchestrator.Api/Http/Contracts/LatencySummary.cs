namespace Orchestrator.Api.Http.Contracts;

/// <summary>Request latency percentiles over the latest requests, in milliseconds.</summary>
public sealed record LatencySummary(double? P50, double? P90, double? P99);
