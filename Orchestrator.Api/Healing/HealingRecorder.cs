using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Events;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Healing;

/// <summary>
/// Writes each healing detection and action to the <see cref="HealingJournal"/>, then publishes it on the
/// <see cref="EventStream"/>. The healer awaits it before it acts, so the history is never behind.
/// </summary>
internal sealed class HealingRecorder(HealingJournal journal, EventStream events, TimeProvider timeProvider, ILogger logger)
{
    // The healer listens for the health monitor's failure events on the same stream it publishes its own to.
    private readonly ConditionalWeakTable<OrchestratorEvent, object> _published = [];

    /// <summary>True when this recorder published <paramref name="orchestratorEvent"/>.</summary>
    public bool Published(OrchestratorEvent orchestratorEvent) => _published.TryGetValue(orchestratorEvent, out _);

    public Task FailureDetectedAsync(string resource, string replica, int? exitCode, string reason, bool publish, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return RecordAsync(
            new HealingRecord(now, resource, replica, HealingRecordKind.FailureDetected) { Message = reason },
            publish ? new FailureDetected(now, resource, replica, exitCode, reason) : null,
            cancellationToken);
    }

    public Task RestartScheduledAsync(string resource, string replica, RestartDecision.Restart restart, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return RecordAsync(
            new HealingRecord(now, resource, replica, HealingRecordKind.RestartScheduled)
            {
                Attempt = restart.Attempt,
                Tier = restart.Tier,
                Action = restart.Action,
                Delay = restart.Delay,
                Message = $"attempt {restart.Attempt}, tier {restart.Tier} ({restart.Action}) in {restart.Delay}",
            },
            new RestartScheduled(now, resource, replica, restart.Attempt, restart.Tier, restart.Action, restart.Delay),
            cancellationToken);
    }

    public Task RestartStartedAsync(string resource, string replica, int attempt, int? tier, RestartAction action, string? message, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return RecordAsync(
            new HealingRecord(now, resource, replica, HealingRecordKind.RestartStarted) { Attempt = attempt, Tier = tier, Action = action, Message = message },
            new RestartStarted(now, resource, replica, attempt, action),
            cancellationToken);
    }

    public Task ManualRestartAsync(string resource, string replica, int attempt, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return RecordAsync(
            new HealingRecord(now, resource, replica, HealingRecordKind.ManualRestart)
            {
                Attempt = attempt,
                Action = RestartAction.Graceful,
                Message = "manual restart: it does not count on the ladder",
            },
            new RestartStarted(now, resource, replica, attempt, RestartAction.Graceful),
            cancellationToken);
    }

    public Task DependencyRestartAsync(string resource, string replica, int attempt, string dependency, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return RecordAsync(
            new HealingRecord(now, resource, replica, HealingRecordKind.DependencyRestart)
            {
                Attempt = attempt,
                Action = RestartAction.RestartDependencies,
                Message = $"restarting dependency '{dependency}' before '{replica}'",
            },
            new DependencyRestartStarted(now, resource, replica, dependency),
            cancellationToken);
    }

    public Task RestartSucceededAsync(string resource, string replica, int attempt, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return RecordAsync(
            new HealingRecord(now, resource, replica, HealingRecordKind.RestartSucceeded) { Attempt = attempt },
            new RestartSucceeded(now, resource, replica, attempt),
            cancellationToken);
    }

    public Task RestartFailedAsync(string resource, string replica, int attempt, string reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return RecordAsync(
            new HealingRecord(now, resource, replica, HealingRecordKind.RestartFailed) { Attempt = attempt, Message = reason },
            new RestartFailed(now, resource, replica, attempt, reason),
            cancellationToken);
    }

    public Task WaitingForDependencyAsync(string resource, string replica, string reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return RecordAsync(
            new HealingRecord(now, resource, replica, HealingRecordKind.WaitingForDependency) { Message = reason },
            new ResourceStateChanged(now, resource, replica, KnownResourceState.Waiting, Reason: reason),
            cancellationToken);
    }

    public Task LadderResetAsync(string resource, string replica, int attempts, CancellationToken cancellationToken) =>
        RecordAsync(
            new HealingRecord(timeProvider.GetUtcNow(), resource, replica, HealingRecordKind.LadderReset)
            {
                Attempt = attempts,
                Message = $"stable again after {attempts} failures: the ladder starts over",
            },
            null,
            cancellationToken);

    public Task QuarantinedAsync(string resource, string replica, int attempts, string reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return RecordAsync(
            new HealingRecord(now, resource, replica, HealingRecordKind.Quarantined) { Attempt = attempts, Message = reason },
            new Quarantined(now, resource, replica, attempts, reason),
            cancellationToken,
            new AlertRaised(now, resource, replica, AlertSeverity.Critical,
                $"'{replica}' is quarantined after {attempts} failures and will not be restarted until it is released."));
    }

    public Task ReleasedAsync(string resource, string replica, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return RecordAsync(
            new HealingRecord(now, resource, replica, HealingRecordKind.Released) { Message = "released from quarantine: the ladder starts over" },
            new Released(now, resource, replica),
            cancellationToken);
    }

    public Task CircuitChangedAsync(BreakerStateChange change, string? message, CancellationToken cancellationToken)
    {
        var kind = change.State switch
        {
            BreakerState.Open => HealingRecordKind.CircuitOpened,
            BreakerState.HalfOpen => HealingRecordKind.CircuitHalfOpened,
            _ => HealingRecordKind.CircuitClosed,
        };
        return RecordAsync(
            new HealingRecord(change.Timestamp, change.Resource, null, kind) { Delay = change.BreakDuration, Message = message },
            CircuitChanged.From(change),
            cancellationToken);
    }

    private async Task RecordAsync(HealingRecord record, OrchestratorEvent? orchestratorEvent, CancellationToken cancellationToken, OrchestratorEvent? alert = null)
    {
        try
        {
            await journal.AppendAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Healing matters more than its history: a journal that cannot write (a full disk) is loud, not fatal.
            logger.LogError(ex, "Could not write {Kind} of {Replica} to the healing journal; acting anyway", record.Kind, record.Replica ?? record.Resource);
        }

        logger.LogInformation("Healing {Kind} {Replica}: {Message}", record.Kind, record.Replica ?? record.Resource, record.Message);
        if (orchestratorEvent is not null)
        {
            _published.AddOrUpdate(orchestratorEvent, record);
            events.Publish(orchestratorEvent);
        }

        if (alert is not null)
        {
            events.Publish(alert);
        }
    }
}
