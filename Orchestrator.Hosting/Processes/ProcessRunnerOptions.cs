namespace Orchestrator.Hosting.Processes;

/// <summary>How <see cref="ProcessGroupRunner"/> captures output and shuts down; defaults in <see cref="ProcessRunnerDefaults"/>.</summary>
public sealed record ProcessRunnerOptions
{
    /// <summary>Output lines kept in memory per process (what <see cref="IProcessHandle.GetLogTail"/> can return).</summary>
    public int LogBufferLines { get; init; } = ProcessRunnerDefaults.LogBufferLines;

    /// <summary>Size in bytes at which a log file is moved to <c>{path}.1</c> and a new one begun.</summary>
    public long LogFileMaxBytes { get; init; } = ProcessRunnerDefaults.LogFileMaxBytes;

    /// <summary>Longest line in characters; longer output is split into several lines.</summary>
    public int MaxLineLength { get; init; } = ProcessRunnerDefaults.MaxLineLength;

    /// <summary>How long output is still read after an exit before <see cref="IProcessHandle.Exited"/> completes anyway.</summary>
    public TimeSpan OutputDrainTimeout { get; init; } = ProcessRunnerDefaults.OutputDrainTimeout;

    /// <summary>How long disposing the runner waits for the killed groups to be reaped.</summary>
    public TimeSpan DisposeTimeout { get; init; } = ProcessRunnerDefaults.DisposeTimeout;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(LogBufferLines, 1, nameof(LogBufferLines));
        ArgumentOutOfRangeException.ThrowIfLessThan(LogFileMaxBytes, 1024, nameof(LogFileMaxBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineLength, 1, nameof(MaxLineLength));
    }
}
