namespace Orchestrator.Api.Http.Contracts;

/// <summary>Where a resource is in its healing.</summary>
public sealed record HealingSummary(string? Phase, int? Attempt, DateTimeOffset? NextAttemptAt, string? CircuitState);
