namespace Orchestrator.Api.CommandLine;

/// <summary>How <c>logs --follow</c> reconnects when the orchestrator goes away (restarted, stopped, the network gone).</summary>
internal sealed record LogFollowOptions
{
    /// <summary>The wait before the first reconnect attempt: 0.5 s; it doubles after each failed one.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two attempts: 5 s.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the orchestrator may stay away before the command gives up (exit 3): 60 s.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromSeconds(60);
}
