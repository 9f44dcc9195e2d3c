namespace Orchestrator.Api.Http.Contracts;

/// <summary>A resource's latest output lines, oldest first.</summary>
public sealed record LogsResponse(string Resource, IReadOnlyList<LogEntry> Lines);
