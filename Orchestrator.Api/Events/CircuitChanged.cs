using Orchestrator.Api.Healing;

namespace Orchestrator.Api.Events;

/// <summary>A resource's restart circuit changed state (<c>circuit.changed</c>).</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Resource">The resource.</param>
/// <param name="State">The new state.</param>
/// <param name="Previous">The state before.</param>
/// <param name="BreakDuration">How long restarts pause, when the circuit opened.</param>
public sealed record CircuitChanged(
    DateTimeOffset Timestamp, string? Resource, BreakerState State, BreakerState Previous, TimeSpan? BreakDuration = null)
    : OrchestratorEvent(Timestamp, Resource, null)
{
    /// <summary>The event for a change reported by a <see cref="RestartCircuitBreaker"/>.</summary>
    public static CircuitChanged From(BreakerStateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(change.Timestamp, change.Resource, change.State, change.Previous, change.BreakDuration);
    }
}
