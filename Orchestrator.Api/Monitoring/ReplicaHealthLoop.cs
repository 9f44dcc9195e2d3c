using Microsoft.Extensions.Logging;
using Orchestrator.Api.Events;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Monitoring;

/// <summary>
/// Checks one run of one replica (one process) on its interval: records each check, keeps the
/// snapshot's Health in step with readiness, and reports a liveness failure once the threshold is
/// reached. One async loop woken by the monitor's <see cref="CheckScheduler"/>: no thread or timer of its own.
/// </summary>
internal sealed class ReplicaHealthLoop
{
    private readonly ResourceSnapshot _run;
    private readonly ReplicaProbeSet _probes;
    private readonly HealthCheckHistory _history;
    private readonly ReplicaLoopServices _services;
    private readonly ProcessUsageTracker _usage;
    private readonly DateTimeOffset _graceEnds;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private bool _ready;
    private bool _failureReported;
    private int _consecutiveFailures;
    private HealthCheckRecord? _lastCheck;

    public ReplicaHealthLoop(ResourceSnapshot run, ReplicaProbeSet probes, HealthCheckHistory history, ReplicaLoopServices services)
    {
        _run = run;
        _probes = probes;
        _history = history;
        _services = services;
        _usage = new ProcessUsageTracker(services.ProcessStats, run.ProcessId);
        _graceEnds = (run.StartedAt ?? services.TimeProvider.GetUtcNow()) + probes.Settings.StartupGracePeriod;
        _ready = probes.Readiness is null || run.Health == HealthStatus.Healthy;
    }

    /// <summary>The loop; complete once stopped.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>True when <paramref name="snapshot"/> describes the same process this loop checks.</summary>
    public bool IsRunOf(ResourceSnapshot snapshot) =>
        snapshot.ProcessId == _run.ProcessId && snapshot.StartedAt == _run.StartedAt;

    /// <summary>Takes the first process sample and arms the first check, one interval from now.</summary>
    public void Start(CancellationToken monitorStopping)
    {
        _usage.Sample();
        var linked = CancellationTokenSource.CreateLinkedTokenSource(monitorStopping, _stop.Token);
        Completion = RunAsync(linked);
    }

    public void Stop() => _stop.Cancel();

    public ReplicaHealthReport GetReport(ResourceSnapshot? current)
    {
        var now = _services.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            return new ReplicaHealthReport(
                _run.ResourceName,
                _run.ReplicaName,
                IsMonitored: !_stop.IsCancellationRequested,
                _ready,
                Live: !_failureReported,
                _consecutiveFailures,
                _lastCheck,
                _history.ToImmutableArray(),
                _usage.CpuPercent,
                _usage.RssBytes,
                current is { IsActive: true, StartedAt: { } started } ? now - started : null,
                current?.RestartCount ?? _run.RestartCount,
                _probes.Readiness?.Description,
                _probes.EffectiveLiveness?.Description,
                _probes.Settings);
        }
    }

    private async Task RunAsync(CancellationTokenSource linked)
    {
        using (linked)
        {
            var cancellationToken = linked.Token;
            var interval = _probes.Settings.Interval;
            var scheduler = _services.Scheduler;
            var due = scheduler.After(_services.TimeProvider.GetTimestamp(), interval);
            try
            {
                while (true)
                {
                    await scheduler.WaitUntilAsync(due, interval, cancellationToken).ConfigureAwait(false);
                    try
                    {
                        await CheckOnceAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        _services.Logger.LogWarning(ex, "Checking the health of {Replica} failed; checking again in {Interval}", _run.ReplicaName, interval);
                    }

                    // From when it was due, not when it ran: a check run early with its slot keeps its slot.
                    var now = _services.TimeProvider.GetTimestamp();
                    due = scheduler.After(due, interval);
                    if (due <= now)
                    {
                        due = scheduler.After(now, interval);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    private async Task CheckOnceAsync(CancellationToken cancellationToken)
    {
        // Both probes run at once, so a separate liveness check does not stretch the interval.
        var readinessCheck = _probes.Readiness is { } readinessProbe ? ProbeAsync(readinessProbe, cancellationToken) : null;
        var livenessCheck = _probes.Liveness is { } livenessProbe ? ProbeAsync(livenessProbe, cancellationToken) : null;
        // The kind is set when recorded: one result may count for readiness and liveness at once.
        var readiness = readinessCheck is null ? null : await readinessCheck.ConfigureAwait(false);
        var liveness = livenessCheck is null ? readiness : await livenessCheck.ConfigureAwait(false);
        _usage.Sample();

        if (readiness is not null)
        {
            Record(readiness, livenessCheck is null ? HealthCheckKind.ReadinessAndLiveness : HealthCheckKind.Readiness);
            ApplyReadiness(readiness);
        }

        if (livenessCheck is not null && liveness is not null)
        {
            Record(liveness, HealthCheckKind.Liveness);
        }

        if (liveness is not null)
        {
            ApplyLiveness(liveness);
        }
    }

    private Task<HealthCheckRecord> ProbeAsync(IHealthProbe probe, CancellationToken cancellationToken) =>
        BoundedCheck.RunAsync(probe, _probes.Settings.Timeout, _services.TimeProvider, cancellationToken);

    private void Record(HealthCheckRecord check, HealthCheckKind kind)
    {
        var record = check with { Kind = kind };
        _history.Add(record);
        lock (_gate)
        {
            _lastCheck = record;
        }
    }

    private void ApplyReadiness(HealthCheckRecord check)
    {
        lock (_gate)
        {
            _ready = check.IsHealthy;
        }

        var notifications = _services.Notifications;
        var current = notifications.GetSnapshot(_run.ReplicaName);
        if (current is null || !IsCurrent(current) || current.Health == check.Status)
        {
            return;
        }

        var previous = current.Health;
        var published = notifications.PublishUpdate(_run.ReplicaName, s => IsCurrent(s) ? s with { Health = check.Status } : s);
        if (published.Health != check.Status)
        {
            return; // The replica moved on (it exited) between the read and the update.
        }

        var description = check.Error ?? _probes.Readiness?.Description;
        _services.Logger.LogInformation("{Replica} is now {Health} (was {Previous}): {Description}", _run.ReplicaName, check.Status, previous, description);
        _services.Events.Publish(new HealthChanged(check.Timestamp, _run.ResourceName, _run.ReplicaName, check.Status, previous, description));
    }

    private void ApplyLiveness(HealthCheckRecord check)
    {
        if (check.IsHealthy)
        {
            bool recovered;
            lock (_gate)
            {
                _consecutiveFailures = 0;
                recovered = _failureReported;
                _failureReported = false;
            }

            if (recovered)
            {
                SetState(KnownResourceState.RuntimeUnhealthy, KnownResourceState.Running, reason: null);
            }

            return;
        }

        if (check.Timestamp < _graceEnds)
        {
            return; // Still starting up: a slow warm-up is not a failure.
        }

        int failures;
        lock (_gate)
        {
            failures = ++_consecutiveFailures;
            if (failures < _probes.Settings.FailureThreshold || _failureReported)
            {
                return;
            }

            _failureReported = true;
        }

        var reason = $"liveness check failed {failures} times in a row: {check.Error}";
        _services.Logger.LogWarning("{Replica} failed: {Reason}", _run.ReplicaName, reason);
        // The state first: whoever reacts to the event reads a snapshot that already says so.
        SetState(KnownResourceState.Running, KnownResourceState.RuntimeUnhealthy, reason);
        _services.Events.Publish(new FailureDetected(_services.TimeProvider.GetUtcNow(), _run.ResourceName, _run.ReplicaName, ExitCode: null, reason));
    }

    private void SetState(KnownResourceState from, KnownResourceState to, string? reason)
    {
        if (_services.Notifications.GetSnapshot(_run.ReplicaName) is not { } current || !IsCurrent(current) || current.State != from)
        {
            return;
        }

        _services.Notifications.PublishUpdate(_run.ReplicaName, s =>
            IsCurrent(s) && s.State == from ? s with { State = to, StateReason = reason } : s);
    }

    private bool IsCurrent(ResourceSnapshot snapshot) =>
        IsRunOf(snapshot) && snapshot.State is KnownResourceState.Running or KnownResourceState.RuntimeUnhealthy;
}
