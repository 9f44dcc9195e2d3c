namespace Orchestrator.Api.Healing;

/// <summary>When a resource's restart circuit opens and for how long. Defaults are in <see cref="HealingDefaults"/>.</summary>
public sealed record RestartCircuitBreakerOptions
{
    /// <summary>The share of failed restarts in the sampling window that opens the circuit (0 to 1).</summary>
    public double FailureRatio { get; init; } = HealingDefaults.CircuitFailureRatio;

    /// <summary>How many restarts the sampling window must hold before the circuit may open (2 or more).</summary>
    public int MinimumThroughput { get; init; } = HealingDefaults.CircuitMinimumThroughput;

    /// <summary>The window in which restarts are counted (half a second or more).</summary>
    public TimeSpan SamplingDuration { get; init; } = HealingDefaults.CircuitSamplingDuration;

    /// <summary>How long restarts pause once the circuit opens (half a second or more).</summary>
    public TimeSpan BreakDuration { get; init; } = HealingDefaults.CircuitBreakDuration;
}
