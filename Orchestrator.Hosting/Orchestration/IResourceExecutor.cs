using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Orchestration;

/// <summary>
/// The mechanism that runs one resource's replicas: start them, wait for them, stop them. It knows
/// nothing of order or policy; the launcher and the healer decide when to call it.
/// </summary>
public interface IResourceExecutor
{
    /// <summary>
    /// Starts every replica and completes once each is running and healthy (or just running, when the
    /// resource has no health check). Publishes Starting/Running snapshots on the way.
    /// </summary>
    /// <exception cref="ResourceStartException">A replica exited or could not start; the exception carries its log tail.</exception>
    Task StartAsync(IResource resource, CancellationToken cancellationToken);

    /// <summary>Completes with the exit code once every replica of a run-to-completion resource has exited (the first non-zero code wins).</summary>
    Task<int> WaitForCompletionAsync(IResource resource, CancellationToken cancellationToken);

    /// <summary>Stops every replica gracefully, then forcefully; completes once none runs.</summary>
    Task StopAsync(IResource resource, CancellationToken cancellationToken);

    /// <summary>The latest output lines of the resource's replicas, oldest first.</summary>
    IReadOnlyList<string> GetLogTail(IResource resource, int lines);
}
