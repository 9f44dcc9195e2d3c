namespace Orchestrator.Api.Http.Contracts;

/// <summary>Requests served, in total and by status code.</summary>
public sealed record RequestCounts(long Total, IReadOnlyDictionary<string, long> ByStatus);
