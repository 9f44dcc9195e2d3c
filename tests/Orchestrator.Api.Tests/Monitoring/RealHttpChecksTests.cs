using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Events;
using Orchestrator.Api.Monitoring;
using Orchestrator.Api.Tests.Launch;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Monitoring;

/// <summary>The monitor with the model's real HTTP probes against a real HTTP server whose /alive fails.</summary>
[Trait("Category", "Integration")]
public sealed class RealHttpChecksTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly HttpListener _server = new();
    private readonly ResourceNotificationService _notifications = new(NullLogger<ResourceNotificationService>.Instance);
    private readonly EventStream _events = new(new EventStreamOptions(), NullLogger<EventStream>.Instance);
    private readonly HttpHealthCheckProbeFactory _httpProbes = new(TimeProvider.System);
    private readonly CancellationTokenSource _serving = new();
    private int _port;
    private Task _serve = Task.CompletedTask;
    private HealthMonitor? _monitor;

    public Task InitializeAsync()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _server.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _server.Start();
        _serve = ServeAsync(_serving.Token);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_monitor is not null)
        {
            await _monitor.DisposeAsync();
        }

        await _serving.CancelAsync();
        _server.Close();
        await _serve.WaitAsync(Patience).ContinueWith(_ => { }, TaskScheduler.Default);
        _serving.Dispose();
        _httpProbes.Dispose();
        _events.Dispose();
    }

    [Fact]
    public async Task A_failing_alive_endpoint_is_reported_once_while_the_readiness_check_keeps_the_replica_healthy()
    {
        var builder = new TestModelBuilder();
        builder.AddService("web").WithHttpEndpoint()
            .WithHttpHealthCheck("/health")
            .WithLivenessCheck()
            .WithHealthCheckOptions(interval: TimeSpan.FromMilliseconds(50), timeout: TimeSpan.FromSeconds(2), failureThreshold: 3, startupGracePeriod: TimeSpan.Zero);
        var runtime = new ResourceRuntimeContext(Path.GetTempPath(), new NoSecrets(),
            new Dictionary<(string, string, int), AllocatedEndpoint> { [("web", "http", 0)] = new("http", "http", "127.0.0.1", _port) });
        var probes = new ModelReplicaProbeSource(builder.Model, new ResourceDriverRegistry([new ExecutableDriver(_httpProbes)]), runtime, _httpProbes, new HealthMonitorOptions(),
            NullLogger<ModelReplicaProbeSource>.Instance);
        _notifications.Publish(new ResourceSnapshot("web", "web-0", 0, "executable")
        {
            State = KnownResourceState.Running, Health = HealthStatus.Healthy, ProcessId = Environment.ProcessId, StartedAt = DateTimeOffset.UtcNow,
        });
        var proc = new ProcFileReader();
        _monitor = new HealthMonitor(_notifications, _events, probes, new ProcessStatsSampler(proc, TimeProvider.System),
            new HostStatsSampler(proc, new DriveInfoDiskUsageReader(), Path.GetTempPath()), new HealthMonitorOptions(), TimeProvider.System,
            NullLogger<HealthMonitor>.Instance);
        using var failures = _events.Subscribe(e => e is FailureDetected);
        using var timeout = new CancellationTokenSource(Patience);

        await _monitor.StartAsync(CancellationToken.None);
        await using var reader = failures.GetAsyncEnumerator(timeout.Token);
        Assert.True(await reader.MoveNextAsync());

        var failure = Assert.IsType<FailureDetected>(reader.Current);
        Assert.Equal("liveness check failed 3 times in a row: GET /alive answered 500, expected 200", failure.Reason);
        var snapshot = _notifications.GetSnapshot("web-0")!;
        Assert.Equal(KnownResourceState.RuntimeUnhealthy, snapshot.State);
        Assert.Equal(HealthStatus.Healthy, snapshot.Health);
        var report = _monitor.GetReplicaHealth("web-0")!;
        Assert.Equal($"GET http://127.0.0.1:{_port}/alive", report.LivenessProbe);
        Assert.Contains(report.History, c => c.Kind == HealthCheckKind.Readiness && c.IsHealthy);
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _server.GetContextAsync().WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            context.Response.StatusCode = context.Request.Url!.AbsolutePath == "/alive" ? 500 : 200;
            context.Response.Close();
        }
    }
}
