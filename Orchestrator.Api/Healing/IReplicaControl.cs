using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Healing;

/// <summary>
/// What the <see cref="Healer"/> asks of the mechanism: the whole-resource operations of
/// <see cref="IResourceExecutor"/>, plus starting and stopping one replica at a time.
/// </summary>
public interface IReplicaControl : IResourceExecutor
{
    /// <summary>Starts (or restarts) one replica; completes once it is running and healthy.</summary>
    /// <exception cref="ResourceStartException">The replica exited or could not start.</exception>
    Task StartReplicaAsync(IResource resource, int index, CancellationToken cancellationToken);

    /// <summary>
    /// Stops one replica: SIGTERM, then SIGKILL after <paramref name="gracePeriod"/> (at once when it is
    /// zero); completes once it has exited. Its exit is published as stopped, not as a failure.
    /// </summary>
    Task StopReplicaAsync(IResource resource, int index, TimeSpan gracePeriod, CancellationToken cancellationToken);
}
