using Microsoft.Extensions.Logging;
using Orchestrator.Api.Events;
using Orchestrator.Api.Telemetry;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Healing;

/// <summary>
/// Turns failures into restarts. It watches every replica's snapshots for exits nobody asked for, and the
/// event stream for the health monitor's <see cref="FailureDetected"/> (a replica that hangs); each failing
/// replica gets one loop that climbs its resource's <see cref="RestartLadder"/> (immediate, graceful,
/// dependencies first, quarantine) through the resource's <see cref="RestartCircuitBreaker"/>, waits
/// for a dead dependency instead of climbing, and writes each step to the <see cref="HealingJournal"/>
/// before it acts, then publishes it on the <see cref="EventStream"/>.
/// </summary>
/// <remarks>
/// Start it once the launch succeeded and stop it before the resources are stopped, so that shutdown
/// stops are not failures (they are not anyway: a stop the executor was asked for is published as such).
/// A healer runs once: <see cref="StartAsync"/>, then <see cref="StopAsync"/>.
/// </remarks>
public sealed class Healer : IAsyncDisposable
{
    private readonly ResourceNotificationService _notifications;
    private readonly EventStream _events;
    private readonly HealingRecorder _recorder;
    private readonly ILogger<Healer> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, ResourceSupervision> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReplicaSupervisor> _replicas = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _started;
    private bool _stopped;
    private Task _watchers = Task.CompletedTask;
    private EventSubscription? _failures;

    /// <summary>Creates the healer of <paramref name="model"/>; it does nothing until <see cref="StartAsync"/>.</summary>
    public Healer(
        DistributedApplicationModel model,
        IReplicaControl control,
        ResourceNotificationService notifications,
        EventStream events,
        HealingJournal journal,
        HealerOptions options,
        TimeProvider timeProvider,
        ILogger<Healer> logger,
        OrchestratorInstrumentation? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfNegative(options.LogTailLines);
        _notifications = notifications;
        _events = events;
        _logger = logger;
        Journal = journal;
        _recorder = new HealingRecorder(journal, events, timeProvider, logger);
        var context = new HealingContext(control, notifications, _recorder, new HealingStatePublisher(notifications),
            new DependencyHealth(model, notifications), options, timeProvider, logger, telemetry ?? new OrchestratorInstrumentation(), _stopping.Token);
        foreach (var resource in model.Resources.DistinctBy(r => r.Name))
        {
            var supervision = new ResourceSupervision(resource, model, context);
            _resources[resource.Name] = supervision;
            foreach (var replica in supervision.Replicas)
            {
                _replicas[replica.Name] = replica;
            }
        }
    }

    /// <summary>The healing history this healer writes.</summary>
    public HealingJournal Journal { get; }

    /// <summary>True between <see cref="StartAsync"/> and <see cref="StopAsync"/>.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _started && !_stopped;
            }
        }
    }

    /// <summary>
    /// Starts supervising: from now on an unexpected exit or a reported failure leads to a restart. Replicas
    /// that already exited unexpectedly (between the launch and now) are handled at once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The healer was already started.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_started || _stopped)
            {
                throw new InvalidOperationException("This healer was already started; a healer runs once.");
            }

            _started = true;

            // Subscribe before reading the current state, so that no change falls between the two:
            // the first MoveNextAsync registers the watcher before it waits.
            var snapshots = _notifications.WatchAsync(_stopping.Token).GetAsyncEnumerator(_stopping.Token);
            var first = snapshots.MoveNextAsync();
            _failures = _events.Subscribe(e => e is FailureDetected { ExitCode: null } && !_recorder.Published(e));
            foreach (var snapshot in _notifications.GetSnapshots())
            {
                Observe(snapshot);
            }

            var failures = _failures;
            _watchers = Task.WhenAll(
                Task.Run(() => WatchSnapshotsAsync(snapshots, first), CancellationToken.None),
                Task.Run(() => WatchFailuresAsync(failures), CancellationToken.None));
        }

        _logger.LogInformation("Healer supervising {Replicas} replicas of {Resources} resources", _replicas.Count, _resources.Count);
        return Task.CompletedTask;
    }

    /// <summary>Stops supervising: pending restarts are abandoned and no further failure is acted on. Resources keep running.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _failures?.Dispose();
        var loops = _replicas.Values.Select(r => r.Completion).Append(_watchers);
        try
        {
            await Task.WhenAll(loops).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The loops end by cancellation; that is how they were asked to.
        }

        _logger.LogInformation("Healer stopped");
    }

    /// <summary>The healing of <paramref name="resource"/>: its circuit and each replica's ladder, phase and quarantine; null when it is not in the model.</summary>
    public ResourceHealingStatus? GetStatus(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return _resources.GetValueOrDefault(resource)?.GetStatus();
    }

    /// <summary>The healing of every resource, in model order.</summary>
    public IReadOnlyList<ResourceHealingStatus> GetStatuses() => _resources.Values.Select(r => r.GetStatus()).ToList();

    /// <summary>
    /// Restarts every replica of <paramref name="resource"/> gracefully, now (a scheduled restart is
    /// dropped for it), journaled as manual; it does not count on the ladder. Completes once each is up.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The resource is not in the model.</exception>
    /// <exception cref="InvalidOperationException">The healer is not running, or a replica is quarantined (release it instead).</exception>
    /// <exception cref="Orchestrator.Hosting.Orchestration.ResourceStartException">A replica did not come up; its failure now climbs the ladder.</exception>
    public Task RestartAsync(string resource, CancellationToken cancellationToken = default) =>
        SendAsync(resource, done => new ReplicaSignal.ManualRestart(done), cancellationToken);

    /// <summary>
    /// Releases the quarantined replicas of <paramref name="resource"/>: their ladder starts over, the
    /// resource's circuit closes, and they are started. Completes once each was started (or was not quarantined).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The resource is not in the model.</exception>
    /// <exception cref="InvalidOperationException">The healer is not running.</exception>
    public Task ReleaseAsync(string resource, CancellationToken cancellationToken = default) =>
        SendAsync(resource, done => new ReplicaSignal.Release(done), cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task SendAsync(string resource, Func<TaskCompletionSource, ReplicaSignal> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var supervision = _resources.GetValueOrDefault(resource)
            ?? throw new KeyNotFoundException($"Resource '{resource}' is not in the model, so it cannot be healed. Check its name.");
        if (!IsRunning)
        {
            throw new InvalidOperationException($"The healer is not running, so '{resource}' cannot be restarted or released now.");
        }

        var done = supervision.Replicas.Select(replica =>
        {
            var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            replica.Post(command(completion));
            return completion.Task;
        }).ToList();
        await Task.WhenAll(done).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Observe(ResourceSnapshot snapshot)
    {
        if (_replicas.TryGetValue(snapshot.ReplicaName, out var replica))
        {
            replica.Observe(snapshot);
        }

        // Any change may be the one a dependent waits for.
        foreach (var waiting in _replicas.Values)
        {
            waiting.NudgeIn(ReplicaHealingPhase.WaitingForDependency);
        }
    }

    private async Task WatchSnapshotsAsync(IAsyncEnumerator<ResourceSnapshot> snapshots, ValueTask<bool> first)
    {
        try
        {
            for (var more = await first.ConfigureAwait(false); more; more = await snapshots.MoveNextAsync().ConfigureAwait(false))
            {
                Observe(snapshots.Current);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        finally
        {
            await snapshots.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task WatchFailuresAsync(EventSubscription failures)
    {
        try
        {
            await foreach (var reported in failures.WithCancellation(_stopping.Token).ConfigureAwait(false))
            {
                if (reported is FailureDetected { Replica: { } name } failure && _replicas.TryGetValue(name, out var replica))
                {
                    OnReportedFailure(replica, failure);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    // The monitor says a running replica fails its liveness checks: it hangs, and must be killed before its restart.
    private void OnReportedFailure(ReplicaSupervisor replica, FailureDetected failure)
    {
        var snapshot = _notifications.GetSnapshot(replica.Name);
        if (snapshot is not { State: KnownResourceState.Running or KnownResourceState.RuntimeUnhealthy } || snapshot.StartedAt > failure.Timestamp)
        {
            // The process the report is about is already gone or replaced; its exit, if any, is handled on its own.
            return;
        }

        replica.Post(new ReplicaSignal.Failure(null, failure.Reason, snapshot.RestartCount, ProcessAlive: true, AlreadyPublished: true));
    }
}
