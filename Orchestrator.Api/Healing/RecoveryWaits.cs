using Microsoft.Extensions.Logging;

namespace Orchestrator.Api.Healing;

/// <summary>
/// The waits of a replica's recovery, on its mailbox and the clock: a scheduled restart's delay, an open
/// circuit's break. A user's restart ends them (it is deferred, and runs next); a release is answered at
/// once, since a replica under recovery is never quarantined.
/// </summary>
internal sealed class RecoveryWaits(ReplicaSupervisor replica, ReplicaMailbox mailbox, HealingContext context)
{
    /// <summary>The next signal, or null once <paramref name="until"/> has come (never, when null).</summary>
    public async Task<ReplicaSignal?> NextAsync(DateTimeOffset? until, CancellationToken cancellationToken)
    {
        while (true)
        {
            var signal = await mailbox.NextAsync(until, cancellationToken).ConfigureAwait(false);
            if (signal is not ReplicaSignal.Release release)
            {
                return signal;
            }

            release.Done.TrySetResult();
        }
    }

    /// <summary>True (and the signal waits to run next) when <paramref name="signal"/> ends the recovery.</summary>
    public bool Preempted(ReplicaSignal? signal)
    {
        if (signal is not { Preempts: true })
        {
            return false;
        }

        mailbox.Defer(signal);
        replica.SetPhase(ReplicaHealingPhase.Idle);
        return true;
    }

    /// <summary>Waits until <paramref name="due"/>; false when a user's restart came first and takes over.</summary>
    public async Task<bool> UntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        // The replica is down and its restart is due: further news of the failed run changes nothing.
        while (await NextAsync(due, cancellationToken).ConfigureAwait(false) is { } signal)
        {
            if (Preempted(signal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The circuit rejected <paramref name="restart"/>: waits for the break to end, or for the half-open try
    /// under way (another replica's) to settle. False when a user's restart came first.
    /// </summary>
    public async Task<bool> ForCircuitAsync(RestartDecision.Restart restart, CancellationToken cancellationToken)
    {
        var openUntil = replica.Owner.Breaker.OpenUntil;
        replica.SetPhase(ReplicaHealingPhase.WaitingForCircuit, restart, openUntil);
        context.Logger.LogInformation("Restart of {Replica} paused: the circuit of {Resource} is open until {OpenUntil}",
            replica.Name, replica.Resource.Name, openUntil);
        while (true)
        {
            var breaker = replica.Owner.Breaker;
            if (breaker.State != BreakerState.HalfOpen && (breaker.OpenUntil is not { } until || until <= context.Time.GetUtcNow()))
            {
                return true;
            }

            if (Preempted(await NextAsync(breaker.OpenUntil, cancellationToken).ConfigureAwait(false)))
            {
                return false;
            }
        }
    }
}
