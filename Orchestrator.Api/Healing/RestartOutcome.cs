namespace Orchestrator.Api.Healing;

/// <summary>The restart ladder's answer to a failure: the replica's next state and what to do.</summary>
/// <param name="State">The replica's state with the failure counted.</param>
/// <param name="Decision">What to do.</param>
public sealed record RestartOutcome(ReplicaRestartState State, RestartDecision Decision);
