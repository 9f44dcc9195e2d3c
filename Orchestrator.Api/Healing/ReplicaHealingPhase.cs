namespace Orchestrator.Api.Healing;

/// <summary>Where a replica is in its healing, as <see cref="Healer.GetStatus"/> reports it.</summary>
public enum ReplicaHealingPhase
{
    /// <summary>Nothing to do: the replica runs, or has not failed since its last recovery.</summary>
    Idle,

    /// <summary>A restart is scheduled: the healer waits for the tier's delay.</summary>
    Scheduled,

    /// <summary>The restart is due, but the resource's circuit is open: it waits for the break to end.</summary>
    WaitingForCircuit,

    /// <summary>A dependency is down: the replica waits for it instead of climbing its ladder.</summary>
    WaitingForDependency,

    /// <summary>The replica (or its dependencies) is being stopped and started.</summary>
    Restarting,

    /// <summary>The replica is up again; its start counts as successful once it stays healthy for its minimum uptime.</summary>
    Verifying,

    /// <summary>The restart succeeded; the ladder starts over once the replica stays healthy for its stability period.</summary>
    Stabilizing,

    /// <summary>The replica is not restarted: its policy is Never, or it ran to completion.</summary>
    Stopped,

    /// <summary>The replica exhausted its ladder and is left alone until released.</summary>
    Quarantined,
}
