using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Healing;

/// <summary>A user's commands for one replica, run by its supervisor's loop: restart it now, release it from quarantine.</summary>
internal sealed class ReplicaCommands(ReplicaSupervisor replica, ReplicaRestarter restarter, ReplicaRecovery recovery, HealingContext context)
{
    /// <summary>Graceful stop, then start; it does not count on the ladder, and a start that fails climbs it.</summary>
    public async Task RestartAsync(ReplicaSignal.ManualRestart command, CancellationToken cancellationToken)
    {
        if (replica.State.IsQuarantined)
        {
            command.Done.TrySetException(new InvalidOperationException(
                $"Replica '{replica.Name}' is quarantined, so it is not restarted. Release it to start it again."));
            return;
        }

        await context.Recorder.ManualRestartAsync(replica.Resource.Name, replica.Name, replica.State.Attempts, cancellationToken).ConfigureAwait(false);
        replica.SetPhase(ReplicaHealingPhase.Restarting);
        await restarter.StopGracefullyAsync(cancellationToken).ConfigureAwait(false);
        if (await restarter.StartAsync(cancellationToken).ConfigureAwait(false) is { } failed)
        {
            command.Done.TrySetException(new ResourceStartException(replica.Resource.Name, failed.Reason,
                context.Control.GetLogTail(replica.Resource, context.Options.LogTailLines)));
            await recovery.RecoverAsync(failed, cancellationToken).ConfigureAwait(false);
            return;
        }

        replica.SetPhase(ReplicaHealingPhase.Idle);
        command.Done.TrySetResult();
    }

    /// <summary>The ladder starts over, the resource's circuit closes, the replica starts (a start that fails climbs the new ladder).</summary>
    public async Task ReleaseAsync(ReplicaSignal.Release command, CancellationToken cancellationToken)
    {
        if (!replica.State.IsQuarantined)
        {
            command.Done.TrySetResult();
            return;
        }

        await context.Recorder.ReleasedAsync(replica.Resource.Name, replica.Name, cancellationToken).ConfigureAwait(false);
        replica.Release();
        await replica.Owner.ResetCircuitAsync(cancellationToken).ConfigureAwait(false);
        var failed = await restarter.StartAsync(cancellationToken).ConfigureAwait(false);
        command.Done.TrySetResult();
        if (failed is not null)
        {
            await recovery.RecoverAsync(failed, cancellationToken).ConfigureAwait(false);
            return;
        }

        replica.SetPhase(ReplicaHealingPhase.Idle);
    }
}
