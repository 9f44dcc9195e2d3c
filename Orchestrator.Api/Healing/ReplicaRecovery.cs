using Microsoft.Extensions.Logging;
using Orchestrator.Api.Telemetry;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Healing;

/// <summary>
/// The policy half of a replica's recovery, run by its supervisor's loop: climb the ladder on each
/// failure, wait the tier's delay, restart through the resource's circuit, prove the restart with the
/// minimum uptime, wait for a down dependency instead of climbing, quarantine when the ladder is spent.
/// Every step is journaled before it is taken. A user's restart ends any long wait and runs next.
/// </summary>
internal sealed class ReplicaRecovery
{
    private readonly ReplicaSupervisor _replica;
    private readonly ReplicaRestarter _restarter;
    private readonly RecoveryWaits _waits;
    private readonly ReplicaMailbox _mailbox;
    private readonly HealingContext _context;

    public ReplicaRecovery(ReplicaSupervisor replica, ReplicaRestarter restarter, ReplicaMailbox mailbox, HealingContext context)
    {
        _replica = replica;
        _restarter = restarter;
        _mailbox = mailbox;
        _context = context;
        _waits = new RecoveryWaits(replica, mailbox, context);
    }

    private string ResourceName => _replica.Resource.Name;

    private string ReplicaName => _replica.Name;

    private RestartLadder Ladder => _replica.Owner.Ladder;

    private HealingRecorder Recorder => _context.Recorder;

    /// <summary>Heals the replica from <paramref name="first"/> until it is up and stable, not restarted, quarantined, or a command takes over.</summary>
    public async Task RecoverAsync(ReplicaSignal.Failure first, CancellationToken cancellationToken)
    {
        ReplicaSignal.Failure? failure = first;
        while (failure is not null)
        {
            failure = await HandleFailureAsync(failure, cancellationToken).ConfigureAwait(false);
        }
    }

    // One failure: count it, journal it, act on it. Returns the next failure when the restart did not hold.
    private async Task<ReplicaSignal.Failure?> HandleFailureAsync(ReplicaSignal.Failure failure, CancellationToken cancellationToken)
    {
        if (!_replica.TryClaim(failure))
        {
            return null;
        }

        var outcome = _replica.Decide(failure.ExitCode);
        if (outcome.Decision is RestartDecision.DoNotRestart done && failure.ExitCode == 0)
        {
            // A clean exit the policy accepts (a job that ran to completion) is no failure for the history.
            _context.Logger.LogInformation("{Replica} exited with code 0 and is not restarted: {Reason}", ReplicaName, done.Reason);
            _replica.SetPhase(ReplicaHealingPhase.Stopped);
            return null;
        }

        await Recorder.FailureDetectedAsync(ResourceName, ReplicaName, failure.ExitCode, failure.Reason, !failure.AlreadyPublished, cancellationToken)
            .ConfigureAwait(false);
        _context.Telemetry.FailureDetected(ResourceName, ReplicaName, failure.ExitCode, failure.Reason);
        switch (outcome.Decision)
        {
            case RestartDecision.Restart restart:
                return await RestartAsync(restart, failure.ProcessAlive, cancellationToken).ConfigureAwait(false);
            case RestartDecision.Quarantine quarantine:
                await QuarantineAsync(quarantine, failure.ProcessAlive, cancellationToken).ConfigureAwait(false);
                return null;
            case RestartDecision.DoNotRestart notRestarted:
                _context.Logger.LogWarning("{Replica} failed ({Reason}) and is not restarted: {Why}", ReplicaName, failure.Reason, notRestarted.Reason);
                _replica.SetPhase(ReplicaHealingPhase.Stopped);
                return null;
            default:
                throw new InvalidOperationException($"Unknown restart decision {outcome.Decision}.");
        }
    }

    private async Task<ReplicaSignal.Failure?> RestartAsync(RestartDecision.Restart restart, bool processAlive, CancellationToken cancellationToken)
    {
        if (_context.Dependencies.FindDown(_replica.Resource) is { } down)
        {
            _replica.Uncount(restart);
            return await WaitForDependencyAsync(down, processAlive, cancellationToken).ConfigureAwait(false);
        }

        await Recorder.RestartScheduledAsync(ResourceName, ReplicaName, restart, cancellationToken).ConfigureAwait(false);
        var due = _context.Time.GetUtcNow() + restart.Delay;
        _replica.SetPhase(ReplicaHealingPhase.Scheduled, restart, due);
        if (restart.Action == RestartAction.Immediate)
        {
            if (processAlive)
            {
                await _restarter.KillAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await _restarter.StopGracefullyAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!await _waits.UntilAsync(due, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        // The dependency may have died during the delay: then this attempt was not the replica's to spend.
        if (_context.Dependencies.FindDown(_replica.Resource) is { } downLater)
        {
            _replica.Uncount(restart);
            return await WaitForDependencyAsync(downLater, processAlive: false, cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            ReplicaSignal.Failure? attemptFailure = null;
            var result = await _replica.Owner.Breaker.ExecuteAsync(async ct =>
            {
                attemptFailure = await AttemptAsync(restart, ct).ConfigureAwait(false);
                return attemptFailure is null;
            }, cancellationToken).ConfigureAwait(false);

            switch (result)
            {
                case RestartAttemptResult.Succeeded:
                    await Recorder.RestartSucceededAsync(ResourceName, ReplicaName, restart.Attempt, cancellationToken).ConfigureAwait(false);
                    return await StabilizeAsync(cancellationToken).ConfigureAwait(false);
                case RestartAttemptResult.Failed:
                    var failure = attemptFailure ?? new ReplicaSignal.Failure(null, "the restart failed", null, false, false);
                    await Recorder.RestartFailedAsync(ResourceName, ReplicaName, restart.Attempt, failure.Reason, cancellationToken).ConfigureAwait(false);
                    return failure;
                default:
                    if (!await _waits.ForCircuitAsync(restart, cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    break;
            }
        }
    }

    // Runs inside the circuit: null when the replica came up and stayed up for its minimum uptime.
    private async Task<ReplicaSignal.Failure?> AttemptAsync(RestartDecision.Restart restart, CancellationToken cancellationToken)
    {
        using var span = _context.Telemetry.StartRestart(ResourceName, ReplicaName, restart.Attempt, restart.Tier, restart.Action);
        var failure = await AttemptCoreAsync(restart, cancellationToken).ConfigureAwait(false);
        OrchestratorInstrumentation.Failed(span, failure?.Reason);
        return failure;
    }

    private async Task<ReplicaSignal.Failure?> AttemptCoreAsync(RestartDecision.Restart restart, CancellationToken cancellationToken)
    {
        await Recorder.RestartStartedAsync(ResourceName, ReplicaName, restart.Attempt, restart.Tier, restart.Action, null, cancellationToken)
            .ConfigureAwait(false);
        _replica.SetPhase(ReplicaHealingPhase.Restarting, restart);
        if (restart.Action == RestartAction.RestartDependencies
            && await _restarter.RestartDependenciesAsync(
                d => Recorder.DependencyRestartAsync(ResourceName, ReplicaName, restart.Attempt, d.Name, cancellationToken),
                cancellationToken).ConfigureAwait(false) is { } dependencyFailure)
        {
            return dependencyFailure;
        }

        return await StartAndVerifyAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReplicaSignal.Failure?> StartAndVerifyAsync(CancellationToken cancellationToken)
    {
        _replica.SetPhase(ReplicaHealingPhase.Restarting);
        if (await _restarter.StartAsync(cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return failed;
        }

        // A start only counts after MinUptime, so a process that dies at once climbs the ladder instead of looking healthy.
        _replica.SetPhase(ReplicaHealingPhase.Verifying);
        while (true)
        {
            var state = _replica.State;
            if (Ladder.HasStartSucceeded(state, _context.Time.GetUtcNow()))
            {
                return null;
            }

            var signal = await _waits.NextAsync(state.HealthySince + Ladder.Policy.MinUptime, cancellationToken).ConfigureAwait(false);
            if (signal is ReplicaSignal.Failure failure && _replica.IsNew(failure))
            {
                return failure;
            }

            // A user's restart waits for the verdict: it is short, and the circuit needs it.
            if (signal is { Preempts: true })
            {
                _mailbox.Defer(signal);
            }
        }
    }

    // After a successful restart: once the replica stays healthy for the stability period, the ladder starts over.
    private async Task<ReplicaSignal.Failure?> StabilizeAsync(CancellationToken cancellationToken)
    {
        _replica.SetPhase(ReplicaHealingPhase.Stabilizing);
        while (true)
        {
            // A user's restart that came while the start was verified runs now, not after the stability period.
            if (_mailbox.HasDeferred)
            {
                _replica.SetPhase(ReplicaHealingPhase.Idle);
                return null;
            }

            var state = _replica.State;
            if (state.Attempts == 0)
            {
                _replica.SetPhase(ReplicaHealingPhase.Idle);
                return null;
            }

            if (Ladder.IsStable(state, _context.Time.GetUtcNow()))
            {
                await Recorder.LadderResetAsync(ResourceName, ReplicaName, state.Attempts, cancellationToken).ConfigureAwait(false);
                _replica.ResetLadder();
                _replica.SetPhase(ReplicaHealingPhase.Idle);
                return null;
            }

            var signal = await _waits.NextAsync(state.HealthySince + Ladder.Policy.StabilityPeriod, cancellationToken).ConfigureAwait(false);
            if (signal is ReplicaSignal.Failure failure && _replica.IsNew(failure))
            {
                return failure;
            }

            if (_waits.Preempted(signal))
            {
                return null;
            }
        }
    }

    // No restart storms: a dependent of a dead dependency waits for it, then restarts without counting an attempt.
    private async Task<ReplicaSignal.Failure?> WaitForDependencyAsync(string down, bool processAlive, CancellationToken cancellationToken)
    {
        var reason = $"waiting for '{down}' to recover";
        await Recorder.WaitingForDependencyAsync(ResourceName, ReplicaName, reason, cancellationToken).ConfigureAwait(false);
        if (processAlive)
        {
            await _restarter.KillAsync(cancellationToken).ConfigureAwait(false);
        }

        _context.States.PublishWaiting(ReplicaName, reason);
        _replica.SetPhase(ReplicaHealingPhase.WaitingForDependency, waitingFor: down);
        while (_context.Dependencies.FindDown(_replica.Resource) is { } still)
        {
            if (still != down)
            {
                down = still;
                _context.States.PublishWaiting(ReplicaName, $"waiting for '{down}' to recover");
                _replica.SetPhase(ReplicaHealingPhase.WaitingForDependency, waitingFor: down);
            }

            if (_waits.Preempted(await _waits.NextAsync(null, cancellationToken).ConfigureAwait(false)))
            {
                return null;
            }
        }

        var attempts = _replica.State.Attempts;
        await Recorder.RestartStartedAsync(ResourceName, ReplicaName, attempts, null, RestartAction.Immediate,
            $"'{down}' recovered: this restart does not count on the ladder", cancellationToken).ConfigureAwait(false);
        using var span = _context.Telemetry.StartRestart(ResourceName, ReplicaName, attempts, tier: null, RestartAction.Immediate);
        if (await StartAndVerifyAsync(cancellationToken).ConfigureAwait(false) is { } failed)
        {
            OrchestratorInstrumentation.Failed(span, failed.Reason);
            await Recorder.RestartFailedAsync(ResourceName, ReplicaName, attempts, failed.Reason, cancellationToken).ConfigureAwait(false);
            return failed;
        }

        await Recorder.RestartSucceededAsync(ResourceName, ReplicaName, attempts, cancellationToken).ConfigureAwait(false);
        return await StabilizeAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task QuarantineAsync(RestartDecision.Quarantine quarantine, bool processAlive, CancellationToken cancellationToken)
    {
        var tail = _context.Control.GetLogTail(_replica.Resource, _context.Options.LogTailLines);
        var reason = tail.Count == 0
            ? quarantine.Reason
            : quarantine.Reason + Environment.NewLine + "Last output:" + Environment.NewLine + string.Join(Environment.NewLine, tail.Select(l => "  | " + l));
        await Recorder.QuarantinedAsync(ResourceName, ReplicaName, quarantine.Attempt, reason, cancellationToken).ConfigureAwait(false);
        using var span = _context.Telemetry.StartQuarantine(ResourceName, ReplicaName, quarantine.Attempt);
        if (processAlive)
        {
            await _restarter.KillAsync(cancellationToken).ConfigureAwait(false);
        }

        _context.States.PublishQuarantined(ReplicaName, reason);
        _replica.SetQuarantined(reason, tail);
    }
}
