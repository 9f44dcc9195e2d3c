namespace Orchestrator.Api.Healing;

/// <summary>What a <see cref="HealingRecord"/> records. Stored by name, so new kinds can be added anywhere.</summary>
public enum HealingRecordKind
{
    /// <summary>A replica failed: it exited, was killed, or failed its health checks.</summary>
    FailureDetected,

    /// <summary>A restart was scheduled, with its attempt, tier, action and delay.</summary>
    RestartScheduled,

    /// <summary>A scheduled restart began.</summary>
    RestartStarted,

    /// <summary>A restarted replica stayed up and healthy for its minimum uptime.</summary>
    RestartSucceeded,

    /// <summary>A restart did not bring the replica up.</summary>
    RestartFailed,

    /// <summary>A resource's dependencies are restarted before the resource itself.</summary>
    DependencyRestart,

    /// <summary>The replica stayed stable for the stability period: its ladder starts over.</summary>
    LadderReset,

    /// <summary>A resource's restart circuit opened: restarts pause.</summary>
    CircuitOpened,

    /// <summary>A resource's restart circuit let one try through.</summary>
    CircuitHalfOpened,

    /// <summary>A resource's restart circuit closed: restarts go ahead.</summary>
    CircuitClosed,

    /// <summary>A replica exhausted its ladder and is left alone until released.</summary>
    Quarantined,

    /// <summary>A user released a replica from quarantine.</summary>
    Released,

    /// <summary>A replica failed while a dependency was down: it waits for the dependency instead of climbing its ladder.</summary>
    WaitingForDependency,

    /// <summary>A user asked for a restart; it does not count on the ladder.</summary>
    ManualRestart,
}
