namespace Orchestrator.Hosting.Processes;

/// <summary>One running process (and its process group).</summary>
public interface IProcessHandle : IAsyncDisposable
{
    /// <summary>The spec it was started from.</summary>
    ProcessSpec Spec { get; }

    /// <summary>The process id (also the process group id).</summary>
    int ProcessId { get; }

    /// <summary>
    /// The program's own process id: what a user sees in <c>ps</c> and what to kill to simulate a crash.
    /// It differs from <see cref="ProcessId"/> when the program runs under a wrapper that leads its group.
    /// </summary>
    int ProgramProcessId => ProcessId;

    /// <summary>When it started.</summary>
    DateTimeOffset StartedAt { get; }

    /// <summary>Completes when the process has exited; observed as an event, within milliseconds.</summary>
    Task<ProcessExit> Exited { get; }

    /// <summary>The latest output lines, oldest first (at most <paramref name="count"/>).</summary>
    IReadOnlyList<LogLine> GetLogTail(int count);

    /// <summary>Calls <paramref name="onLine"/> for every new line until the subscription is disposed.</summary>
    /// <remarks>
    /// <see cref="ProcessGroupRunner"/> calls it on the thread that read the line, in order, while the
    /// next line waits: keep it quick (hand the line to a channel for slow work).
    /// </remarks>
    IDisposable SubscribeToLogs(Action<LogLine> onLine);

    /// <summary>Sends the spec's stop signal to the group, then SIGKILL after the grace period; completes when the process has exited.</summary>
    Task<ProcessExit> StopAsync(CancellationToken cancellationToken = default);

    /// <summary>Sends a signal to the whole process group at once.</summary>
    void Signal(ProcessSignal signal);
}
