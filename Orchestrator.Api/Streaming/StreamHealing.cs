namespace Orchestrator.Api.Streaming;

/// <summary>Where a resource's healing stands, as the stream's snapshot shows it.</summary>
/// <param name="Phase">The furthest healing phase of its replicas (<c>Scheduled</c>, <c>Restarting</c>...), when not idle.</param>
/// <param name="Attempt">The highest attempt on the restart ladder, when one is under way.</param>
/// <param name="NextAttemptAt">When the next restart is due.</param>
/// <param name="CircuitState">The restart circuit (<c>Closed</c>, <c>Open</c>, <c>HalfOpen</c>).</param>
public sealed record StreamHealing(string? Phase, int? Attempt, DateTimeOffset? NextAttemptAt, string? CircuitState);
