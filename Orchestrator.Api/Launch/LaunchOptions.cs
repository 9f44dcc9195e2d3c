namespace Orchestrator.Api.Launch;

/// <summary>How the launch runs. Defaults are in <see cref="LaunchDefaults"/>.</summary>
public sealed class LaunchOptions
{
    /// <summary>How many resources of one phase (after phase 0) start at once.</summary>
    public int MaxConcurrency { get; set; } = LaunchDefaults.MaxConcurrency;

    /// <summary>How long a resource may take from start to healthy, unless it says otherwise.</summary>
    public TimeSpan StartTimeout { get; set; } = LaunchDefaults.StartTimeout;

    /// <summary>How many log lines of a failed resource the launch error carries.</summary>
    public int FailureLogTailLines { get; set; } = LaunchDefaults.FailureLogTailLines;
}
