namespace Orchestrator.Hosting.Processes;

/// <summary>Every default number of the process runner, in one place.</summary>
public static class ProcessRunnerDefaults
{
    /// <summary>Output lines kept in memory per process.</summary>
    public const int LogBufferLines = 1000;

    /// <summary>Size at which a log file is rotated to <c>.1</c>: 10 MB.</summary>
    public const long LogFileMaxBytes = 10L * 1024 * 1024;

    /// <summary>A line longer than this many characters is split, so a program without newlines cannot fill memory.</summary>
    public const int MaxLineLength = 16 * 1024;

    /// <summary>How long the output is still read after the exit, so the last lines are in the log when <see cref="IProcessHandle.Exited"/> completes.</summary>
    public static readonly TimeSpan OutputDrainTimeout = TimeSpan.FromSeconds(1);

    /// <summary>How long disposing the runner waits for the groups it killed to be reaped.</summary>
    public static readonly TimeSpan DisposeTimeout = TimeSpan.FromSeconds(5);
}
