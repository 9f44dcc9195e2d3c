namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>When a replica whose process ended is started again.</summary>
public enum RestartPolicy
{
    /// <summary>
    /// Restart on every exit, whatever the exit code. A run-to-completion resource (one that another
    /// resource waits for with <c>WaitForCompletion</c>) that exits with 0 has done its job and is not restarted.
    /// </summary>
    Always,

    /// <summary>Restart only when the replica failed: a non-zero exit code, a signal, or failed health checks.</summary>
    OnFailure,

    /// <summary>Never restart; the replica stays exited.</summary>
    Never,
}
