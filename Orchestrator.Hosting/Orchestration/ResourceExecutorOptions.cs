namespace Orchestrator.Hosting.Orchestration;

/// <summary>How the executor waits for a starting replica. Defaults are in <see cref="ResourceExecutorDefaults"/>.</summary>
public sealed record ResourceExecutorOptions
{
    /// <summary>The first pause between readiness probes of a starting replica.</summary>
    public TimeSpan FirstProbeDelay { get; init; } = ResourceExecutorDefaults.FirstProbeDelay;

    /// <summary>The longest pause between readiness probes of a starting replica (the pause doubles up to it).</summary>
    public TimeSpan MaxProbeDelay { get; init; } = ResourceExecutorDefaults.MaxProbeDelay;

    /// <summary>How many output lines a start failure carries.</summary>
    public int FailureLogTailLines { get; init; } = ResourceExecutorDefaults.FailureLogTailLines;
}
