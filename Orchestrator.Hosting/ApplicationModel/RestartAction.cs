namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>What one tier of the restart ladder does.</summary>
public enum RestartAction
{
    /// <summary>Start the replica again after the delay (its process is already gone, or is killed).</summary>
    Immediate,

    /// <summary>Stop the replica gracefully (SIGTERM, wait, then kill), then start it after the delay.</summary>
    Graceful,

    /// <summary>Restart the resource's dependencies first, then the replica.</summary>
    RestartDependencies,

    /// <summary>Stop trying: the replica is quarantined until a user releases it. Only the last tier may say this.</summary>
    Quarantine,
}
