namespace Orchestrator.Hosting.Processes;

/// <summary>How a process ended.</summary>
/// <param name="ExitCode">The exit code; 128 + N when signal N ended it.</param>
/// <param name="ExitedAt">When the exit was observed.</param>
/// <param name="StopRequested">True when the runner was asked to stop it (not a crash).</param>
public sealed record ProcessExit(int ExitCode, DateTimeOffset ExitedAt, bool StopRequested);
