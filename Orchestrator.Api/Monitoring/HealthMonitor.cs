using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Events;
using Orchestrator.Api.Registration;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Monitoring;

/// <summary>
/// Watches every replica while it runs: probes it on its interval (readiness and liveness kept
/// apart), keeps its check history, CPU and memory, keeps the snapshot's Health in step with
/// readiness, and publishes <see cref="FailureDetected"/> once liveness fails the threshold in a row.
/// It also samples the host and raises alerts past its thresholds. It never polls for exits (those
/// are events of the executor) and never restarts anything (the healer does).
/// </summary>
/// <remarks>
/// A replica gets a loop when a snapshot shows it Running with a process the monitor has not seen
/// (a new pid or start time); the loop ends when the replica leaves Running and RuntimeUnhealthy.
/// Each loop is one async method woken by one shared <see cref="CheckScheduler"/>, so a thousand
/// replicas cost neither a thousand threads nor a thousand timers, and their checks wake the process in batches.
/// </remarks>
public sealed class HealthMonitor : IAsyncDisposable
{
    private readonly ResourceNotificationService _notifications;
    private readonly IReplicaProbeSource _probes;
    private readonly HealthMonitorOptions _options;
    private readonly CheckScheduler _scheduler;
    private readonly ReplicaLoopServices _services;
    private readonly HostHealthWatcher _host;
    private readonly ILogger<HealthMonitor> _logger;
    private readonly ConcurrentDictionary<string, ReplicaHealthLoop> _loops = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HealthCheckHistory> _histories = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private CancellationTokenSource? _running;
    private Task _watching = Task.CompletedTask;
    private Task _hostSampling = Task.CompletedTask;

    /// <summary>Creates a monitor; it does nothing until <see cref="StartAsync"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public HealthMonitor(
        ResourceNotificationService notifications,
        EventStream events,
        IReplicaProbeSource probes,
        ProcessStatsSampler processStats,
        HostStatsSampler hostStats,
        HealthMonitorOptions options,
        TimeProvider timeProvider,
        ILogger<HealthMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(probes);
        ArgumentNullException.ThrowIfNull(processStats);
        ArgumentNullException.ThrowIfNull(hostStats);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _notifications = notifications;
        _probes = probes;
        _options = options;
        _logger = logger;
        _scheduler = new CheckScheduler(timeProvider, MonitoringDefaults.CheckBatchSlot);
        _services = new ReplicaLoopServices(notifications, events, processStats, _scheduler, timeProvider, logger);
        _host = new HostHealthWatcher(hostStats, new HostThresholdAlerts(options.HostThresholds), events, options.HostSampleInterval, timeProvider, logger);
    }

    /// <summary>True between <see cref="StartAsync"/> and <see cref="StopAsync"/>.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _running is not null;
            }
        }
    }

    /// <summary>
    /// Starts monitoring every replica that runs now and every one that starts running later, and
    /// samples the host. Returns at once; the checks run in the background until <see cref="StopAsync"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The monitor is already running.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CancellationToken stopping;
        lock (_gate)
        {
            if (_running is not null)
            {
                throw new InvalidOperationException("The health monitor is already running; stop it before starting it again.");
            }

            _running = new CancellationTokenSource();
            stopping = _running.Token;
        }

        // Subscribe before reading the current snapshots, so that no change falls between the two.
        var snapshots = _notifications.WatchAsync(stopping).GetAsyncEnumerator(stopping);
        var first = snapshots.MoveNextAsync();
        foreach (var snapshot in _notifications.GetSnapshots())
        {
            Observe(snapshot.ReplicaName);
        }

        _watching = WatchAsync(snapshots, first, stopping);
        _hostSampling = _host.RunAsync(stopping);
        _logger.LogInformation("Health monitor started: {Count} replicas running, checks every {Interval} unless a resource says otherwise",
            _loops.Count, _options.Interval);
        return Task.CompletedTask;
    }

    /// <summary>Stops every check and the host sampling; histories stay readable.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        CancellationTokenSource? running;
        List<ReplicaHealthLoop> loops;
        lock (_gate)
        {
            running = _running;
            _running = null;
            loops = [.. _loops.Values];
            _loops.Clear();
        }

        if (running is null)
        {
            return;
        }

        foreach (var loop in loops)
        {
            loop.Stop();
        }

        await running.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(loops.Select(l => l.Completion).Append(_watching).Append(_hostSampling))
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            running.Dispose();
        }
    }

    /// <summary>What the monitor knows of one replica, or null when there is no such replica.</summary>
    public ReplicaHealthReport? GetReplicaHealth(string replicaName)
    {
        ArgumentException.ThrowIfNullOrEmpty(replicaName);
        var snapshot = _notifications.GetSnapshot(replicaName);
        if (_loops.TryGetValue(replicaName, out var loop))
        {
            return loop.GetReport(snapshot);
        }

        if (snapshot is null)
        {
            return null;
        }

        var history = _histories.TryGetValue(replicaName, out var kept) ? kept.ToImmutableArray() : [];

        return new ReplicaHealthReport(snapshot.ResourceName, replicaName, IsMonitored: false, Ready: false, Live: false,
            ConsecutiveFailures: 0, history.IsEmpty ? null : history[^1], history, CpuPercent: null, RssBytes: null,
            snapshot is { IsActive: true, StartedAt: { } started } ? _services.TimeProvider.GetUtcNow() - started : null,
            snapshot.RestartCount, ReadinessProbe: null, LivenessProbe: null, Settings: null);
    }

    /// <summary>What the monitor knows of every replica, by replica name.</summary>
    public IReadOnlyList<ReplicaHealthReport> GetReplicaHealthReports() =>
        _notifications.GetSnapshots().Select(s => GetReplicaHealth(s.ReplicaName)).OfType<ReplicaHealthReport>().ToList();

    /// <summary>The host's latest sample, its thresholds and the alerts active now.</summary>
    public HostHealthReport GetHostReport() => _host.GetReport();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _scheduler.Dispose();
    }

    private async Task WatchAsync(IAsyncEnumerator<ResourceSnapshot> snapshots, ValueTask<bool> first, CancellationToken stopping)
    {
        try
        {
            var next = first;
            while (await next.ConfigureAwait(false))
            {
                try
                {
                    Observe(snapshots.Current.ReplicaName);
                }
                catch (Exception ex)
                {
                    // One replica the monitor cannot follow must not blind it to all the others.
                    _logger.LogError(ex, "Could not follow {Replica}", snapshots.Current.ReplicaName);
                }

                next = snapshots.MoveNextAsync();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            await snapshots.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Decides from the replica's latest snapshot, not the one that woke us: a watcher may deliver an older one late.
    private void Observe(string replicaName)
    {
        lock (_gate)
        {
            if (_running is not { IsCancellationRequested: false } running)
            {
                return;
            }

            var snapshot = _notifications.GetSnapshot(replicaName);
            _loops.TryGetValue(replicaName, out var loop);
            // Registered external services are probed by their registry; they are not in the model.
            if (snapshot is null || snapshot.State is not (KnownResourceState.Running or KnownResourceState.RuntimeUnhealthy)
                || snapshot.ResourceType == RegistrationDefaults.ExternalType)
            {
                if (loop is not null)
                {
                    _loops.TryRemove(replicaName, out _);
                    loop.Stop();
                }

                return;
            }

            if (loop is not null && loop.IsRunOf(snapshot))
            {
                return;
            }

            loop?.Stop();
            var fresh = CreateLoop(snapshot);
            // Armed before it is visible, so a reader that sees the loop knows its first check is scheduled.
            fresh.Start(running.Token);
            _loops[replicaName] = fresh;
        }
    }

    private ReplicaHealthLoop CreateLoop(ResourceSnapshot snapshot)
    {
        ReplicaProbeSet probes;
        try
        {
            probes = _probes.GetProbes(snapshot);
            probes.Settings.Validate();
        }
        catch (Exception ex)
        {
            // Without probes the replica still gets its CPU and memory watched.
            _logger.LogError(ex, "Cannot check the health of {Replica}: {Reason}", snapshot.ReplicaName, ex.Message);
            probes = new ReplicaProbeSet(null, null, _options.DefaultCheckSettings);
        }

        var history = _histories.GetOrAdd(snapshot.ReplicaName, _ => new HealthCheckHistory(_options.HistoryCapacity));
        _logger.LogDebug("Checking {Replica} (pid {Pid}) every {Interval}: readiness {Readiness}, liveness {Liveness}",
            snapshot.ReplicaName, snapshot.ProcessId, probes.Settings.Interval,
            probes.Readiness?.Description ?? "none", probes.EffectiveLiveness?.Description ?? "none");
        return new ReplicaHealthLoop(snapshot, probes, history, _services);
    }
}
