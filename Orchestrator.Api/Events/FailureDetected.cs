namespace Orchestrator.Api.Events;

/// <summary>A replica failed: it exited, was killed, or failed its health checks (<c>failure.detected</c>).</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Replica">The replica.</param>
/// <param name="ExitCode">The exit code, when the process exited.</param>
/// <param name="Reason">What failed.</param>
public sealed record FailureDetected(DateTimeOffset Timestamp, string? Resource, string? Replica, int? ExitCode, string Reason)
    : OrchestratorEvent(Timestamp, Resource, Replica);
