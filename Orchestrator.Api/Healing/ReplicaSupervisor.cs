using Microsoft.Extensions.Logging;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Healing;

/// <summary>
/// One replica's supervision: what its ladder remembers, where it is in its healing, and the one loop
/// that heals it while it fails (an idle replica has none). Snapshots and failures come in from the
/// healer's watchers; the loop handles failures and commands one at a time, so a replica is never
/// restarted twice at once.
/// </summary>
internal sealed class ReplicaSupervisor
{
    private readonly HealingContext _context;
    private readonly ReplicaMailbox _mailbox;
    private readonly ReplicaRecovery _recovery;
    private readonly ReplicaCommands _commands;
    private readonly Lock _gate = new();
    private ReplicaRestartState _state = ReplicaRestartState.Initial;
    private ReplicaHealingStatus _status;
    private Task _loop = Task.CompletedTask;

    // The newest run seen in a snapshot, the newest run whose failure was handled, and the last exit reported.
    private int _generation = -1;
    private int _handledGeneration = -1;
    private (int Generation, DateTimeOffset? StoppedAt)? _lastExit;

    public ReplicaSupervisor(ResourceSupervision owner, int index, HealingContext context)
    {
        Owner = owner;
        Index = index;
        Name = owner.Resource.GetReplicaName(index);
        _context = context;
        _mailbox = new ReplicaMailbox(context.Time);
        var restarter = new ReplicaRestarter(this, context);
        _recovery = new ReplicaRecovery(this, restarter, _mailbox, context);
        _commands = new ReplicaCommands(this, restarter, _recovery, context);
        _status = new ReplicaHealingStatus(Name, ReplicaHealingPhase.Idle, 0);
    }

    public ResourceSupervision Owner { get; }

    public int Index { get; }

    public string Name { get; }

    public IResource Resource => Owner.Resource;

    public ReplicaRestartState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public ReplicaHealingPhase Phase
    {
        get
        {
            lock (_gate)
            {
                return _status.Phase;
            }
        }
    }

    /// <summary>The loop now running, or a completed task; the healer awaits it when it stops.</summary>
    public Task Completion
    {
        get
        {
            lock (_gate)
            {
                return _loop;
            }
        }
    }

    /// <summary>
    /// Learns from a snapshot of this replica: health for the ladder's uptime rules, and an exit that no
    /// stop asked for, which is a failure.
    /// </summary>
    public void Observe(ResourceSnapshot snapshot)
    {
        ReplicaSignal.Failure? failure = null;
        bool changed;
        lock (_gate)
        {
            // News of an older run (a late health change of a process already replaced) says nothing of this one.
            if (snapshot.RestartCount < _generation)
            {
                return;
            }

            _generation = snapshot.RestartCount;
            var before = _state;
            var now = _context.Time.GetUtcNow();
            switch (snapshot.State)
            {
                case KnownResourceState.Running:
                    var running = _state.IsRunning ? _state : _state.OnStarted(snapshot.StartedAt ?? now);
                    _state = snapshot.Health is null or HealthStatus.Healthy ? running.OnHealthy(now) : running.OnUnhealthy();
                    break;
                case KnownResourceState.RuntimeUnhealthy:
                    _state = _state.OnUnhealthy();
                    break;
                case KnownResourceState.Exited or KnownResourceState.Finished when snapshot.StateReason == ResourceExecutor.StoppedReason:
                    _state = _state.OnExited(now, snapshot.ExitCode);
                    break;
                case KnownResourceState.Exited or KnownResourceState.Finished:
                    var exit = (snapshot.RestartCount, snapshot.StoppedAt);
                    if (_lastExit != exit)
                    {
                        _lastExit = exit;
                        failure = new ReplicaSignal.Failure(snapshot.ExitCode, snapshot.StateReason ?? $"exited with code {snapshot.ExitCode}",
                            snapshot.RestartCount, ProcessAlive: false, AlreadyPublished: false);
                    }

                    break;
            }

            changed = before != _state;
        }

        if (failure is not null)
        {
            Post(failure);
        }
        else if (changed)
        {
            _mailbox.Nudge();
        }
    }

    public void Post(ReplicaSignal signal)
    {
        if (_mailbox.Post(signal))
        {
            lock (_gate)
            {
                _loop = Task.Run(RunAsync, CancellationToken.None);
            }
        }
    }

    /// <summary>Wakes the loop when it waits in <paramref name="phase"/> (for a dependency, for the circuit).</summary>
    public void NudgeIn(ReplicaHealingPhase phase)
    {
        if (Phase == phase)
        {
            _mailbox.Nudge();
        }
    }

    public ReplicaHealingStatus GetStatus()
    {
        lock (_gate)
        {
            return _status with
            {
                Attempt = _state.Attempts,
                LastFailureAt = _state.LastFailureAt,
                LastExitCode = _state.LastExitCode,
                QuarantinedAt = _state.QuarantinedAt,
            };
        }
    }

    /// <summary>True (and the run's failure is now handled) when <paramref name="failure"/> is news; false for a second report of a handled run.</summary>
    public bool TryClaim(ReplicaSignal.Failure failure)
    {
        lock (_gate)
        {
            if (failure.Generation is not { } generation)
            {
                return true;
            }

            if (generation <= _handledGeneration)
            {
                return false;
            }

            _handledGeneration = generation;
            return true;
        }
    }

    /// <summary>True when <paramref name="failure"/> is about a run whose failure was not handled yet.</summary>
    public bool IsNew(ReplicaSignal.Failure failure)
    {
        lock (_gate)
        {
            return failure.Generation is not { } generation || generation > _handledGeneration;
        }
    }

    /// <summary>The run now in the snapshot failed and was handled by the loop itself (its start failed).</summary>
    public void MarkCurrentRunHandled()
    {
        var generation = _context.Notifications.GetSnapshot(Name)?.RestartCount ?? -1;
        lock (_gate)
        {
            _handledGeneration = Math.Max(_handledGeneration, generation);
            _generation = Math.Max(_generation, generation);
        }
    }

    /// <summary>Runs the ladder on a failure and keeps the state it returns.</summary>
    public RestartOutcome Decide(int? exitCode)
    {
        lock (_gate)
        {
            var outcome = Owner.Ladder.Decide(_state, exitCode, _context.Time.GetUtcNow());
            _state = outcome.State;
            return outcome;
        }
    }

    /// <summary>Takes back the attempt of <paramref name="restart"/>: the failure was a dependency's fault, not the replica's.</summary>
    public void Uncount(RestartDecision.Restart restart)
    {
        lock (_gate)
        {
            _state = _state with { Attempts = restart.Attempt - 1 };
        }
    }

    /// <summary>The replica was started and is healthy now (the executor returns only then).</summary>
    public void OnStarted()
    {
        var snapshot = _context.Notifications.GetSnapshot(Name);
        var now = _context.Time.GetUtcNow();
        lock (_gate)
        {
            _generation = Math.Max(_generation, snapshot?.RestartCount ?? -1);
            _state = _state.OnStarted(now).OnHealthy(now);
        }
    }

    public void ResetLadder()
    {
        lock (_gate)
        {
            _state = _state with { Attempts = 0 };
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _state = _state.Release();
            _status = new ReplicaHealingStatus(Name, ReplicaHealingPhase.Restarting, 0);
        }
    }

    public void SetPhase(ReplicaHealingPhase phase, RestartDecision.Restart? restart = null, DateTimeOffset? nextRestartAt = null, string? waitingFor = null)
    {
        lock (_gate)
        {
            _status = _status with
            {
                Phase = phase,
                Tier = restart?.Tier ?? _status.Tier,
                Action = restart?.Action ?? _status.Action,
                NextRestartAt = nextRestartAt,
                WaitingFor = waitingFor,
                QuarantineReason = null,
                LastLogLines = [],
            };
        }
    }

    public void SetQuarantined(string reason, IReadOnlyList<string> logLines)
    {
        lock (_gate)
        {
            _status = _status with
            {
                Phase = ReplicaHealingPhase.Quarantined,
                NextRestartAt = null,
                WaitingFor = null,
                QuarantineReason = reason,
                LastLogLines = [.. logLines],
            };
        }
    }

    private async Task RunAsync()
    {
        var stopping = _context.Stopping;
        while (_mailbox.TryTakeNext(out var signal))
        {
            try
            {
                await HandleAsync(signal, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                var stopped = new OperationCanceledException("The healer stopped.", stopping);
                signal.Abandon(stopped);
                foreach (var left in _mailbox.Drain())
                {
                    left.Abandon(stopped);
                }

                return;
            }
            catch (Exception ex)
            {
                // One broken recovery must not end the supervision: the replica waits for its next failure.
                _context.Logger.LogError(ex, "Healing {Replica} failed; it waits for its next failure", Name);
                signal.Abandon(ex);
                SetPhase(ReplicaHealingPhase.Idle);
            }
        }
    }

    private Task HandleAsync(ReplicaSignal signal, CancellationToken cancellationToken) => signal switch
    {
        ReplicaSignal.Failure failure => _recovery.RecoverAsync(failure, cancellationToken),
        ReplicaSignal.ManualRestart restart => _commands.RestartAsync(restart, cancellationToken),
        ReplicaSignal.Release release => _commands.ReleaseAsync(release, cancellationToken),
        _ => Task.CompletedTask,
    };
}
