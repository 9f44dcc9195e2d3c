namespace Orchestrator.Hosting.Notifications;

/// <summary>The states of a resource replica, with Aspire's names, plus the orchestrator's own.</summary>
public enum KnownResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    RuntimeUnhealthy,
    FailedToStart,
    Exited,
    Finished,
    Stopping,

    /// <summary>A dependency failed or is missing, so the replica cannot start (its reason says which).</summary>
    Blocked,

    /// <summary>The replica exhausted its restart ladder and is left alone until released.</summary>
    Quarantined,
}
