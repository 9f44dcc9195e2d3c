namespace Orchestrator.Api.Healing;

/// <summary>
/// How the <see cref="Healer"/> works beyond each resource's restart policy (which says when and how
/// often to restart). Defaults are in <see cref="HealingDefaults"/>.
/// </summary>
public sealed record HealerOptions
{
    /// <summary>How long a restarted replica may take from start to healthy, unless the resource has <c>WithStartTimeout</c>.</summary>
    public TimeSpan StartTimeout { get; init; } = HealingDefaults.RestartStartTimeout;

    /// <summary>How many of a quarantined resource's last output lines its reason and status carry.</summary>
    public int LogTailLines { get; init; } = HealingDefaults.QuarantineLogTailLines;

    /// <summary>When each resource's restart circuit opens and for how long.</summary>
    public RestartCircuitBreakerOptions CircuitBreaker { get; init; } = new();
}
