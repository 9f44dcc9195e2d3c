namespace Orchestrator.Api.Http.Contracts;

/// <summary>One line of the healing history.</summary>
public sealed record HealingHistoryEntry(
    long Id,
    DateTimeOffset Timestamp,
    string Resource,
    string? Replica,
    string Kind,
    int? Attempt,
    int? Tier,
    string? Action,
    double? DelayMs,
    string? Message);
