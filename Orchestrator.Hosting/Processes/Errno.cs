namespace Orchestrator.Hosting.Processes;

/// <summary>The error numbers (Linux, x86-64 and arm64) that the runner's native calls handle rather than throw.</summary>
internal static class Errno
{
    /// <summary>ESRCH: no such process or process group.</summary>
    public const int NoSuchProcess = 3;

    /// <summary>EINTR: a signal interrupted the call; it is retried.</summary>
    public const int Interrupted = 4;

    /// <summary>ECHILD: the child was reaped by someone else.</summary>
    public const int NoChild = 10;
}
