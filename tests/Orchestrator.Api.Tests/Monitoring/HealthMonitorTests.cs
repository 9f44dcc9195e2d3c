using Orchestrator.Api.Events;
using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Monitoring;

public sealed class HealthMonitorTests : IAsyncDisposable
{
    private readonly MonitorHarness _harness = new();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Does_not_probe_a_replica_before_its_interval_has_elapsed()
    {
        var probe = _harness.NewProbe();
        _harness.PublishRunning(0, probe);
        await _harness.StartAsync();

        await _harness.AdvanceAsync(MonitorHarness.Interval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, probe.Calls);

        await _harness.AdvanceAsync(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, probe.Calls);
    }

    [Fact]
    public async Task Leaves_a_registered_external_service_to_its_registry()
    {
        _harness.Notifications.Publish(new ResourceSnapshot("pay", "pay-0", 0, "external") { State = KnownResourceState.Running });
        await _harness.StartAsync();

        await _harness.AdvanceIntervalsAsync(2);

        Assert.Equal(0, _harness.Probes.Requests);
    }

    [Fact]
    public async Task Probes_again_each_interval()
    {
        var probe = _harness.NewProbe();
        _harness.PublishRunning(0, probe);
        await _harness.StartAsync();

        await _harness.AdvanceIntervalsAsync(4);

        Assert.Equal(4, probe.Calls);
    }

    [Fact]
    public async Task Checks_a_thousand_replicas_once_each_per_interval()
    {
        var probes = Enumerable.Range(0, 1000).Select(i => _harness.NewProbe($"probe {i}")).ToList();
        for (var i = 0; i < probes.Count; i++)
        {
            _harness.PublishRunning(i, probes[i]);
        }

        await _harness.StartAsync();
        await _harness.AdvanceIntervalsAsync(2);

        Assert.All(probes, p => Assert.Equal(2, p.Calls));
        Assert.Equal(1000, _harness.Monitor.GetReplicaHealthReports().Count(r => r.IsMonitored && r.History.Length == 2));
    }

    [Fact]
    public async Task Cancels_a_probe_at_the_timeout_and_records_it_as_failed()
    {
        var probe = _harness.NewProbe();
        probe.Hangs = true;
        _harness.PublishRunning(0, probe);
        await _harness.StartAsync();
        await _harness.AdvanceAsync(MonitorHarness.Interval);
        var token = probe.LastToken;

        await _harness.AdvanceAsync(MonitorHarness.Timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(token.IsCancellationRequested);
        Assert.Empty(_harness.Report().History);

        await _harness.AdvanceAsync(TimeSpan.FromMilliseconds(1));
        Assert.True(token.IsCancellationRequested);
        await MonitorHarness.WaitUntilAsync(() => _harness.Report().History.Length == 1, "the timed-out check is recorded");
        var check = Assert.Single(_harness.Report().History);
        Assert.Equal(HealthStatus.Unhealthy, check.Status);
        Assert.Equal("timed out after 2 s", check.Error);
        Assert.Equal(MonitorHarness.Timeout, check.Duration);
    }

    [Fact]
    public async Task A_probe_that_ignores_cancellation_still_times_out()
    {
        var probe = _harness.NewProbe();
        probe.Hangs = true;
        probe.HonoursCancellation = false;
        _harness.PublishRunning(0, probe);
        await _harness.StartAsync();
        await _harness.AdvanceAsync(MonitorHarness.Interval);

        await _harness.AdvanceAsync(MonitorHarness.Timeout);

        await MonitorHarness.WaitUntilAsync(() => _harness.Report().History.Length == 1, "the timed-out check is recorded");
        Assert.Equal("timed out after 2 s", _harness.Report().History[0].Error);
    }

    [Fact]
    public async Task Keeps_the_last_hundred_checks_oldest_first()
    {
        var probe = _harness.NewProbe();
        _harness.PublishRunning(0, probe);
        await _harness.StartAsync();

        for (var i = 1; i <= 105; i++)
        {
            probe.Duration = TimeSpan.FromMilliseconds(i);
            probe.Error = i % 2 == 0 ? $"failure {i}" : null;
            await _harness.AdvanceAsync(MonitorHarness.Interval);
        }

        var history = _harness.Report().History;
        Assert.Equal(100, history.Length);
        Assert.Equal(Enumerable.Range(6, 100).Select(i => TimeSpan.FromMilliseconds(i)), history.Select(c => c.Duration));
        Assert.Equal(history.OrderBy(c => c.Timestamp), history);
        Assert.Equal("failure 6", history[0].Error);
        Assert.Equal(HealthStatus.Healthy, history[^1].Status);
        Assert.Equal(history[^1], _harness.Report().LastCheck);
    }

    [Fact]
    public async Task Updates_the_snapshot_health_and_publishes_HealthChanged_once_per_change()
    {
        var probe = _harness.NewProbe("GET http://127.0.0.1:5000/health");
        // A high liveness threshold keeps the state out of it: this is about readiness alone.
        _harness.PublishRunning(0, probe, settings: MonitorHarness.NoGrace with { FailureThreshold = 10 });
        await _harness.StartAsync();
        using var changes = _harness.Events.Subscribe(e => e is HealthChanged);

        probe.AnswerUnhealthy("GET /health answered 503, expected 200");
        await _harness.AdvanceIntervalsAsync(3);
        Assert.Equal(HealthStatus.Unhealthy, _harness.Snapshot().Health);
        var versionWhileUnhealthy = _harness.Snapshot().Version;
        probe.AnswerHealthy();
        await _harness.AdvanceIntervalsAsync(2);

        Assert.Equal(HealthStatus.Healthy, _harness.Snapshot().Health);
        Assert.Equal(versionWhileUnhealthy + 1, _harness.Snapshot().Version);
        var published = await MonitorHarness.DrainAsync<HealthChanged>(changes);
        Assert.Collection(published,
            down =>
            {
                Assert.Equal((HealthStatus?)HealthStatus.Unhealthy, down.Health);
                Assert.Equal((HealthStatus?)HealthStatus.Healthy, down.Previous);
                Assert.Equal("api-0", down.Replica);
                Assert.Equal("GET /health answered 503, expected 200", down.Description);
            },
            up =>
            {
                Assert.Equal((HealthStatus?)HealthStatus.Healthy, up.Health);
                Assert.Equal((HealthStatus?)HealthStatus.Unhealthy, up.Previous);
            });
    }

    [Fact]
    public async Task A_failing_readiness_check_marks_the_replica_not_ready_but_keeps_it_running()
    {
        var probe = _harness.NewProbe();
        _harness.PublishRunning(0, probe, settings: MonitorHarness.NoGrace with { FailureThreshold = 10 });
        await _harness.StartAsync();

        probe.AnswerUnhealthy();
        await _harness.AdvanceIntervalsAsync(2);

        Assert.False(_harness.Report().Ready);
        Assert.True(_harness.Report().Live);
        Assert.Equal(KnownResourceState.Running, _harness.Snapshot().State);
    }

    [Fact]
    public async Task Reports_a_liveness_failure_once_when_the_threshold_is_reached()
    {
        var probe = _harness.NewProbe();
        _harness.PublishRunning(0, probe);
        await _harness.StartAsync();
        probe.AnswerUnhealthy("connection refused");

        using var firstTwo = _harness.Events.Subscribe(e => e is FailureDetected);
        await _harness.AdvanceIntervalsAsync(2);
        Assert.Empty(await MonitorHarness.DrainAsync<FailureDetected>(firstTwo));
        Assert.Equal(2, _harness.Report().ConsecutiveFailures);
        Assert.Equal(KnownResourceState.Running, _harness.Snapshot().State);

        using var later = _harness.Events.Subscribe(e => e is FailureDetected);
        await _harness.AdvanceIntervalsAsync(3);
        var failure = Assert.Single(await MonitorHarness.DrainAsync<FailureDetected>(later));
        Assert.Equal("api", failure.Resource);
        Assert.Equal("api-0", failure.Replica);
        Assert.Null(failure.ExitCode);
        Assert.Equal("liveness check failed 3 times in a row: connection refused", failure.Reason);
        Assert.Equal(KnownResourceState.RuntimeUnhealthy, _harness.Snapshot().State);
        Assert.Equal(failure.Reason, _harness.Snapshot().StateReason);
        Assert.False(_harness.Report().Live);
    }

    [Fact]
    public async Task A_passing_check_resets_the_count_of_failures_in_a_row()
    {
        var probe = _harness.NewProbe();
        _harness.PublishRunning(0, probe);
        await _harness.StartAsync();
        using var failures = _harness.Events.Subscribe(e => e is FailureDetected);

        probe.AnswerUnhealthy();
        await _harness.AdvanceIntervalsAsync(2);
        probe.AnswerHealthy();
        await _harness.AdvanceIntervalsAsync(1);
        probe.AnswerUnhealthy();
        await _harness.AdvanceIntervalsAsync(2);

        Assert.Empty(await MonitorHarness.DrainAsync<FailureDetected>(failures));
        Assert.Equal(2, _harness.Report().ConsecutiveFailures);
    }

    [Fact]
    public async Task Returns_a_replica_that_recovers_without_a_restart_to_running()
    {
        var probe = _harness.NewProbe();
        _harness.PublishRunning(0, probe);
        await _harness.StartAsync();
        probe.AnswerUnhealthy();
        await _harness.AdvanceIntervalsAsync(3);
        Assert.Equal(KnownResourceState.RuntimeUnhealthy, _harness.Snapshot().State);

        probe.AnswerHealthy();
        await _harness.AdvanceIntervalsAsync(1);

        Assert.Equal(KnownResourceState.Running, _harness.Snapshot().State);
        Assert.Null(_harness.Snapshot().StateReason);
        Assert.True(_harness.Report().Live);
    }

    [Fact]
    public async Task Ignores_liveness_failures_during_the_startup_grace_period()
    {
        var probe = _harness.NewProbe();
        probe.AnswerUnhealthy();
        // Checks at 5 s and 10 s fall inside the 12 s grace period; those at 15, 20 and 25 s count.
        _harness.PublishRunning(0, probe, settings: MonitorHarness.NoGrace with { StartupGracePeriod = TimeSpan.FromSeconds(12) });
        await _harness.StartAsync();
        using var failures = _harness.Events.Subscribe(e => e is FailureDetected);

        await _harness.AdvanceIntervalsAsync(2);
        Assert.Equal(0, _harness.Report().ConsecutiveFailures);
        await _harness.AdvanceIntervalsAsync(2);
        Assert.Equal(2, _harness.Report().ConsecutiveFailures);
        Assert.Equal(KnownResourceState.Running, _harness.Snapshot().State);
        await _harness.AdvanceIntervalsAsync(1);

        Assert.Single(await MonitorHarness.DrainAsync<FailureDetected>(failures));
        Assert.Equal(5, probe.Calls);
    }

    [Fact]
    public async Task Readiness_failures_count_during_the_startup_grace_period()
    {
        var probe = _harness.NewProbe();
        probe.AnswerUnhealthy();
        _harness.PublishRunning(0, probe, settings: MonitorHarness.NoGrace with { StartupGracePeriod = TimeSpan.FromMinutes(1) });
        await _harness.StartAsync();

        await _harness.AdvanceIntervalsAsync(1);

        Assert.Equal(HealthStatus.Unhealthy, _harness.Snapshot().Health);
    }

    [Fact]
    public async Task Stops_checking_a_replica_that_leaves_running()
    {
        var probe = _harness.NewProbe();
        _harness.PublishRunning(0, probe);
        await _harness.StartAsync();
        await _harness.AdvanceIntervalsAsync(1);

        _harness.Notifications.PublishUpdate("api-0", s => s with { State = KnownResourceState.Exited, ProcessId = null, ExitCode = 137 });
        await MonitorHarness.WaitUntilAsync(() => !_harness.Report().IsMonitored, "the monitor lets go of the exited replica");
        await _harness.AdvanceIntervalsAsync(3);

        Assert.Equal(1, probe.Calls);
        Assert.Single(_harness.Report().History);
    }

    [Fact]
    public async Task Starts_a_fresh_loop_for_a_restarted_replica()
    {
        var probe = _harness.NewProbe();
        var first = _harness.PublishRunning(0, probe, pid: 4001);
        await _harness.StartAsync();
        probe.AnswerUnhealthy();
        await _harness.AdvanceIntervalsAsync(3);
        Assert.False(_harness.Report().Live);

        // What the executor publishes for a restart: Starting with the new process, then Running once healthy.
        probe.AnswerHealthy();
        _harness.Notifications.PublishUpdate("api-0", s => s with
        {
            State = KnownResourceState.Starting, ProcessId = 4002, StartedAt = _harness.Clock.GetUtcNow(), RestartCount = 1, Health = null,
        });
        _harness.Notifications.PublishUpdate("api-0", s => s with { State = KnownResourceState.Running, Health = HealthStatus.Healthy });
        await MonitorHarness.WaitUntilAsync(() => _harness.Probes.Requests == 2 && _harness.Report().Live, "the restarted replica gets a fresh loop");
        probe.AnswerUnhealthy("still broken");
        using var failures = _harness.Events.Subscribe(e => e is FailureDetected);
        await _harness.AdvanceIntervalsAsync(3);

        Assert.NotEqual(first.ProcessId, _harness.Snapshot().ProcessId);
        Assert.Equal(1, _harness.Report().RestartCount);
        Assert.Equal(6, _harness.Report().History.Length);
        Assert.Equal("liveness check failed 3 times in a row: still broken", Assert.Single(await MonitorHarness.DrainAsync<FailureDetected>(failures)).Reason);
    }

    [Fact]
    public async Task Begins_checking_a_replica_that_starts_running_after_the_monitor_started()
    {
        await _harness.StartAsync();
        var probe = _harness.NewProbe();

        _harness.PublishRunning(0, probe);
        await MonitorHarness.WaitUntilAsync(() => _harness.Monitor.GetReplicaHealth("api-0")?.IsMonitored == true, "the monitor picks up the new replica");
        await _harness.AdvanceIntervalsAsync(1);

        Assert.Equal(1, probe.Calls);
    }

    [Fact]
    public async Task A_separate_liveness_probe_decides_restarts_and_the_readiness_probe_decides_health()
    {
        var readiness = _harness.NewProbe("GET /health");
        var liveness = _harness.NewProbe("GET /alive");
        _harness.PublishRunning(0, readiness, liveness);
        await _harness.StartAsync();
        using var failures = _harness.Events.Subscribe(e => e is FailureDetected);

        readiness.AnswerUnhealthy("database unreachable");
        await _harness.AdvanceIntervalsAsync(3);
        Assert.Equal(HealthStatus.Unhealthy, _harness.Snapshot().Health);
        Assert.Equal(KnownResourceState.Running, _harness.Snapshot().State);
        Assert.Empty(await MonitorHarness.DrainAsync<FailureDetected>(failures));

        using var later = _harness.Events.Subscribe(e => e is FailureDetected);
        readiness.AnswerHealthy();
        liveness.AnswerUnhealthy("deadlocked");
        await _harness.AdvanceIntervalsAsync(3);

        Assert.Equal(HealthStatus.Healthy, _harness.Snapshot().Health);
        Assert.Equal("liveness check failed 3 times in a row: deadlocked", Assert.Single(await MonitorHarness.DrainAsync<FailureDetected>(later)).Reason);
        var report = _harness.Report();
        Assert.Equal("GET /health", report.ReadinessProbe);
        Assert.Equal("GET /alive", report.LivenessProbe);
        Assert.Equal(12, report.History.Length);
        Assert.Equal(6, report.History.Count(c => c.Kind == HealthCheckKind.Liveness));
        Assert.Equal(6, report.History.Count(c => c.Kind == HealthCheckKind.Readiness));
    }

    [Fact]
    public async Task One_probe_serves_readiness_and_liveness_when_there_is_no_liveness_probe()
    {
        var probe = _harness.NewProbe();
        _harness.PublishRunning(0, probe);
        await _harness.StartAsync();

        await _harness.AdvanceIntervalsAsync(2);

        Assert.Equal(2, probe.Calls);
        Assert.All(_harness.Report().History, c => Assert.Equal(HealthCheckKind.ReadinessAndLiveness, c.Kind));
        Assert.Equal(_harness.Report().ReadinessProbe, _harness.Report().LivenessProbe);
    }

    [Fact]
    public async Task Reports_the_process_cpu_and_memory_from_proc()
    {
        var probe = _harness.NewProbe();
        _harness.Proc.Set("/proc/4242/stat", ProcTexts.Stat(4242, utime: 1000, stime: 200, rssPages: 12800));
        _harness.PublishRunning(0, probe, pid: 4242);
        await _harness.StartAsync();

        // 5 s of wall time and 2 s of CPU (150 + 50 ticks of 10 ms): 40 % of one core.
        _harness.Proc.Set("/proc/4242/stat", ProcTexts.Stat(4242, utime: 1150, stime: 250, rssPages: 15360));
        await _harness.AdvanceIntervalsAsync(1);

        var report = _harness.Report();
        Assert.Equal(40, report.CpuPercent!.Value, precision: 6);
        Assert.Equal(15360L * Environment.SystemPageSize, report.RssBytes);
    }

    [Fact]
    public async Task Reports_uptime_and_restart_count_from_the_snapshot()
    {
        var probe = _harness.NewProbe();
        _harness.PublishRunning(0, probe);
        _harness.Notifications.PublishUpdate("api-0", s => s with { RestartCount = 2 });
        await _harness.StartAsync();

        await _harness.AdvanceIntervalsAsync(3);

        Assert.Equal(TimeSpan.FromSeconds(15), _harness.Report().Uptime);
        Assert.Equal(2, _harness.Report().RestartCount);
    }

    [Fact]
    public async Task Stop_ends_every_check_and_keeps_the_history()
    {
        var probe = _harness.NewProbe();
        _harness.PublishRunning(0, probe);
        _harness.PublishRunning(1, _harness.NewProbe());
        await _harness.StartAsync();
        await _harness.AdvanceIntervalsAsync(1);

        await _harness.Monitor.StopAsync(CancellationToken.None);
        await _harness.AdvanceIntervalsAsync(2);

        Assert.Equal(1, probe.Calls);
        Assert.False(_harness.Monitor.IsRunning);
        Assert.False(_harness.Report().IsMonitored);
        Assert.Single(_harness.Report().History);
    }

    [Fact]
    public async Task A_replica_without_probes_is_still_watched_but_never_judged()
    {
        _harness.PublishRunning(0, readiness: null);
        await _harness.StartAsync();

        await _harness.AdvanceIntervalsAsync(5);

        var report = _harness.Report();
        Assert.True(report.IsMonitored);
        Assert.True(report.Ready);
        Assert.Empty(report.History);
        Assert.Null(_harness.Snapshot().Health);
    }

    [Fact]
    public async Task Raises_one_host_alert_when_memory_crosses_its_threshold_and_one_when_it_recovers()
    {
        using var alerts = _harness.Events.Subscribe(e => e is AlertRaised);
        _harness.Proc.Set("/proc/meminfo", ProcTexts.MemInfo(totalKib: 1_000_000, availableKib: 500_000));
        await _harness.StartAsync();

        _harness.Proc.Set("/proc/meminfo", ProcTexts.MemInfo(totalKib: 1_000_000, availableKib: 100_000));
        await _harness.AdvanceIntervalsAsync(3, _harness.Options.HostSampleInterval);
        Assert.Equal(HostMetric.Memory, Assert.Single(_harness.Monitor.GetHostReport().ActiveAlerts));
        _harness.Proc.Set("/proc/meminfo", ProcTexts.MemInfo(totalKib: 1_000_000, availableKib: 600_000));
        await _harness.AdvanceIntervalsAsync(3, _harness.Options.HostSampleInterval);

        var raised = await MonitorHarness.DrainAsync<AlertRaised>(alerts);
        Assert.Collection(raised,
            warning =>
            {
                Assert.Equal(AlertSeverity.Warning, warning.Severity);
                Assert.StartsWith("Host memory use is 90 %, above the 80 % warning threshold.", warning.Message, StringComparison.Ordinal);
            },
            recovery =>
            {
                Assert.Equal(AlertSeverity.Info, recovery.Severity);
                Assert.Equal("Host memory use is back to 40 %, under the 80 % warning threshold.", recovery.Message);
            });
        Assert.Empty(_harness.Monitor.GetHostReport().ActiveAlerts);
    }

    [Fact]
    public async Task The_host_report_carries_the_latest_sample_and_the_thresholds()
    {
        _harness.Proc.Set("/proc/stat", ProcTexts.CpuStat(user: 100, system: 100, idle: 800));
        _harness.Proc.Set("/proc/meminfo", ProcTexts.MemInfo(totalKib: 2_000_000, availableKib: 1_500_000));
        _harness.Disk.Usage = new DiskUsage(TotalBytes: 1000, FreeBytes: 300, AvailableBytes: 300);
        await _harness.StartAsync();

        _harness.Proc.Set("/proc/stat", ProcTexts.CpuStat(user: 400, system: 200, idle: 1400));
        await _harness.AdvanceIntervalsAsync(1, _harness.Options.HostSampleInterval);

        var report = _harness.Monitor.GetHostReport();
        Assert.Equal(_harness.Clock.GetUtcNow(), report.SampledAt);
        Assert.Equal(40, report.CpuPercent!.Value, precision: 6);
        Assert.Equal(25, report.MemoryPercent!.Value, precision: 6);
        Assert.Equal(70, report.DiskPercent!.Value, precision: 6);
        Assert.Equal(new HostThresholds(), report.Thresholds);
        Assert.Equal("/var/lib/orchestrator-test", report.DiskPath);
        Assert.Empty(report.ActiveAlerts);
    }
}
