namespace Orchestrator.Hosting.Processes;

/// <summary>How a process ended.</summary>
/// <param name="ExitCode">The exit code; 128 + N when signal N ended it; <see cref="UnknownExitCode"/> when it could not be known.</param>
/// <param name="ExitedAt">When the exit was observed.</param>
/// <param name="StopRequested">True when the runner was asked to stop it (not a crash).</param>
public sealed record ProcessExit(int ExitCode, DateTimeOffset ExitedAt, bool StopRequested)
{
    /// <summary>The exit code when the process was reaped by someone else (the AppHost started with SIGCHLD ignored).</summary>
    public const int UnknownExitCode = -1;
}
