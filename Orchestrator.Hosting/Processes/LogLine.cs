namespace Orchestrator.Hosting.Processes;

/// <summary>One line a process printed, with when it was read and from which stream.</summary>
public sealed record LogLine(DateTimeOffset Timestamp, bool IsError, string Text);
