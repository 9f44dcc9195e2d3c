using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Events;
using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Monitoring;

/// <summary>The monitor on a real busy process and the real /proc, on the real clock.</summary>
[Trait("Category", "Integration")]
public sealed class RealProcessMonitoringTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly ResourceNotificationService _notifications = new(NullLogger<ResourceNotificationService>.Instance);
    private readonly EventStream _events = new(new EventStreamOptions(), NullLogger<EventStream>.Instance);
    private readonly FakeProbeSource _probes = new();
    private Process? _busy;
    private HealthMonitor? _monitor;

    public Task InitializeAsync()
    {
        // A shell spinning on a no-op: it burns CPU without any output or child.
        _busy = Process.Start(new ProcessStartInfo("sh", ["-c", "while :; do :; done"]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start sh.");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_monitor is not null)
        {
            await _monitor.DisposeAsync();
        }

        if (_busy is { HasExited: false })
        {
            _busy.Kill(entireProcessTree: true);
            await _busy.WaitForExitAsync();
        }

        _busy?.Dispose();
        _events.Dispose();
    }

    [Fact]
    public async Task Reports_the_real_cpu_and_memory_of_a_running_process()
    {
        var settings = new HealthCheckSettings(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 3, TimeSpan.Zero);
        _probes.Set("spin-0", new ReplicaProbeSet(null, null, settings));
        _notifications.Publish(new ResourceSnapshot("spin", "spin-0", 0, "executable")
        {
            State = KnownResourceState.Running,
            ProcessId = _busy!.Id,
            StartedAt = DateTimeOffset.UtcNow,
        });
        _monitor = CreateMonitor(new HealthMonitorOptions { HostSampleInterval = TimeSpan.FromMilliseconds(100), DiskPath = Path.GetTempPath() });

        await _monitor.StartAsync(CancellationToken.None);
        var report = await WaitForAsync(() => _monitor.GetReplicaHealth("spin-0") is { CpuPercent: > 0 } r ? r : null);

        Assert.InRange(report.CpuPercent!.Value, 1, 400);
        Assert.InRange(report.RssBytes!.Value, 64 * 1024, 1024L * 1024 * 1024);
        Assert.True(report.Uptime > TimeSpan.Zero);
    }

    [Fact]
    public async Task The_host_report_holds_sane_values()
    {
        _monitor = CreateMonitor(new HealthMonitorOptions { HostSampleInterval = TimeSpan.FromMilliseconds(100), DiskPath = Path.GetTempPath() });

        await _monitor.StartAsync(CancellationToken.None);
        var report = await WaitForAsync(() => _monitor.GetHostReport() is { CpuPercent: not null } r ? r : null);

        Assert.InRange(report.CpuPercent!.Value, 0, 100);
        Assert.InRange(report.MemoryPercent!.Value, 0.1, 100);
        Assert.InRange(report.DiskPercent!.Value, 0.001, 100);
        Assert.True(report.MemoryTotalBytes > 64L * 1024 * 1024);
        Assert.True(report.MemoryUsedBytes < report.MemoryTotalBytes);
        Assert.True(report.DiskUsedBytes < report.DiskTotalBytes);
    }

    private HealthMonitor CreateMonitor(HealthMonitorOptions options)
    {
        var proc = new ProcFileReader();
        return new HealthMonitor(
            _notifications,
            _events,
            _probes,
            new ProcessStatsSampler(proc, TimeProvider.System),
            new HostStatsSampler(proc, new DriveInfoDiskUsageReader(), options.DiskPath!),
            options,
            TimeProvider.System,
            NullLogger<HealthMonitor>.Instance);
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> read) where T : class
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            if (read() is { } value)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
