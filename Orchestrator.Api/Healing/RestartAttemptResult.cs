namespace Orchestrator.Api.Healing;

/// <summary>What became of a restart run through the circuit breaker.</summary>
public enum RestartAttemptResult
{
    /// <summary>The restart ran and the replica came up.</summary>
    Succeeded,

    /// <summary>The restart ran and the replica did not come up; the failure counts toward opening the circuit.</summary>
    Failed,

    /// <summary>The circuit is open (or half-open with its one try under way): the restart did not run.</summary>
    Rejected,
}
