using System.Net;
using System.Net.Sockets;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Tests.Drivers;

namespace Orchestrator.Hosting.Tests.Health;

public sealed class TcpHealthProbeTests
{
    [Fact]
    public async Task Is_healthy_when_something_accepts_connections()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var probe = new TcpHealthProbe("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port);

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.True(result.IsHealthy, result.Error);
    }

    [Fact]
    public async Task Is_unhealthy_when_nothing_listens()
    {
        var probe = new TcpHealthProbe("127.0.0.1", TestRuntime.FreePort());

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public async Task Reports_when_the_probe_started_and_how_long_it_took()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var clock = new SteppingTimeProvider(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero), TimeSpan.FromMilliseconds(40));
        var probe = new TcpHealthProbe("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, timeProvider: clock);

        var result = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal(clock.Start, result.Timestamp);
        Assert.Equal(TimeSpan.FromMilliseconds(40), result.Duration);
    }
}
