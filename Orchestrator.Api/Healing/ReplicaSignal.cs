namespace Orchestrator.Api.Healing;

/// <summary>What a replica's supervisor is told: a failure, a user's command, or a nudge to look again.</summary>
internal abstract record ReplicaSignal
{
    private ReplicaSignal()
    {
    }

    /// <summary>The replica failed.</summary>
    /// <param name="ExitCode">The exit code, when its process exited.</param>
    /// <param name="Reason">What failed, for the history.</param>
    /// <param name="Generation">
    /// The run that failed (the snapshot's restart count), so that one run's failure is handled once however
    /// many ways it is reported; null for a failure the supervisor found itself (a start that failed).
    /// </param>
    /// <param name="ProcessAlive">True when the process still runs (it hung) and must be killed before a restart.</param>
    /// <param name="AlreadyPublished">True when the failure's event is already on the event stream (the health monitor put it there).</param>
    public sealed record Failure(int? ExitCode, string Reason, int? Generation, bool ProcessAlive, bool AlreadyPublished) : ReplicaSignal;

    /// <summary>A user asked for a restart; <paramref name="Done"/> completes once the replica is up again.</summary>
    public sealed record ManualRestart(TaskCompletionSource Done) : ReplicaSignal;

    /// <summary>A user released the replica from quarantine; <paramref name="Done"/> completes once it was started.</summary>
    public sealed record Release(TaskCompletionSource Done) : ReplicaSignal;

    /// <summary>Something the supervisor waits for may have changed (a dependency, the circuit, the replica's health).</summary>
    public sealed record Nudge : ReplicaSignal
    {
        public static Nudge Instance { get; } = new();
    }

    /// <summary>True for a user's restart, which ends a recovery's long waits (a delay, a dependency, the circuit) and runs instead.</summary>
    public bool Preempts => this is ManualRestart;

    /// <summary>Ends a command's caller with <paramref name="exception"/> (the healer stopped, or the command cannot run).</summary>
    public void Abandon(Exception exception)
    {
        var done = this switch
        {
            ManualRestart m => m.Done,
            Release r => r.Done,
            _ => null,
        };
        done?.TrySetException(exception);
    }
}
