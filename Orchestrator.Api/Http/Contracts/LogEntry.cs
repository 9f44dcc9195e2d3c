namespace Orchestrator.Api.Http.Contracts;

/// <summary>One output line of a replica.</summary>
public sealed record LogEntry(string Replica, DateTimeOffset Timestamp, string Stream, string Text);
