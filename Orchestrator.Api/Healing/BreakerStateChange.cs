namespace Orchestrator.Api.Healing;

/// <summary>A resource's restart circuit moved from <paramref name="Previous"/> to <paramref name="State"/>.</summary>
/// <param name="Resource">The resource.</param>
/// <param name="Previous">The state before.</param>
/// <param name="State">The state now.</param>
/// <param name="Timestamp">When.</param>
/// <param name="BreakDuration">How long restarts pause, when the circuit opened.</param>
public sealed record BreakerStateChange(string Resource, BreakerState Previous, BreakerState State, DateTimeOffset Timestamp, TimeSpan? BreakDuration);
