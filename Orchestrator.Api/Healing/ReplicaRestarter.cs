using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Healing;

/// <summary>
/// The mechanical half of a replica's recovery: stop it (kill or graceful), restart its dependencies,
/// start it within its start timeout. Each step that fails says why as a failure for the ladder.
/// </summary>
internal sealed class ReplicaRestarter(ReplicaSupervisor replica, HealingContext context)
{
    private IResource Resource => replica.Resource;

    /// <summary>Kills the replica at once: it hung, and a restart must not find it still holding its port.</summary>
    public Task KillAsync(CancellationToken cancellationToken) =>
        context.Control.StopReplicaAsync(Resource, replica.Index, TimeSpan.Zero, cancellationToken);

    /// <summary>Stops the replica with SIGTERM and the policy's grace period (nothing to do when it already exited).</summary>
    public Task StopGracefullyAsync(CancellationToken cancellationToken) =>
        context.Control.StopReplicaAsync(Resource, replica.Index, replica.Owner.Ladder.Policy.GracefulStopTimeout, cancellationToken);

    /// <summary>
    /// Starts the replica and waits until it is healthy, within the resource's start timeout. Returns null
    /// when it is up, or the failure when it exited, could not start, or hung (then it is killed).
    /// </summary>
    public async Task<ReplicaSignal.Failure?> StartAsync(CancellationToken cancellationToken)
    {
        var startTimeout = replica.Owner.StartTimeout;
        using var timeout = new CancellationTokenSource(startTimeout, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await context.Control.StartReplicaAsync(Resource, replica.Index, linked.Token).ConfigureAwait(false);
            replica.OnStarted();
            return null;
        }
        catch (Exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            replica.MarkCurrentRunHandled();
            await KillAsync(cancellationToken).ConfigureAwait(false);
            return Failed(null, $"it did not become healthy within {startTimeout}");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The start's own failure is this run's failure: its exit, reported again by the snapshots, is not news.
            replica.MarkCurrentRunHandled();
            var snapshot = context.Notifications.GetSnapshot(replica.Name);
            var exitCode = snapshot is { State: KnownResourceState.Exited or KnownResourceState.Finished } ? snapshot.ExitCode : null;
            return Failed(exitCode, ex is ResourceStartException start ? start.Reason : ex.Message);
        }
    }

    /// <summary>
    /// Restarts each dependency of the resource (stop, then start and wait until healthy), calling
    /// <paramref name="beforeEach"/> first; returns the failure of the first one that does not come back.
    /// </summary>
    public async Task<ReplicaSignal.Failure?> RestartDependenciesAsync(Func<IResource, Task> beforeEach, CancellationToken cancellationToken)
    {
        foreach (var dependency in context.Dependencies.DirectDependencies(Resource))
        {
            await beforeEach(dependency).ConfigureAwait(false);
            var startTimeout = dependency.Annotations.LastOfType<StartTimeoutAnnotation>()?.Timeout ?? context.Options.StartTimeout;
            using var timeout = new CancellationTokenSource(startTimeout, context.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await context.Control.StopAsync(dependency, cancellationToken).ConfigureAwait(false);
                await context.Control.StartAsync(dependency, linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var why = timeout.IsCancellationRequested ? $"it was not healthy within {startTimeout}" : ex.Message;
                return Failed(null, $"dependency '{dependency.Name}' did not restart: {why}");
            }
        }

        return null;
    }

    private static ReplicaSignal.Failure Failed(int? exitCode, string reason) =>
        new(exitCode, reason, Generation: null, ProcessAlive: false, AlreadyPublished: false);
}
