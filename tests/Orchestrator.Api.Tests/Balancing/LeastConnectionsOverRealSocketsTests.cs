using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Balancing;
using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Balancing;

/// <summary>Least-connections and power-of-two read the kernel's real connection table.</summary>
[Trait("Category", "Integration")]
public sealed class LeastConnectionsOverRealSocketsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly TcpListener _first = new(IPAddress.Loopback, 0);
    private readonly TcpListener _second = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _clients = [];
    private readonly List<Socket> _accepted = [];
    private readonly ResourceNotificationService _notifications = new(NullLogger<ResourceNotificationService>.Instance);
    private readonly LoadBalancer _balancer;

    public LeastConnectionsOverRealSocketsTests()
    {
        _first.Start();
        _second.Start();
        var counter = new ProcNetTcpConnectionCounter(new ProcFileReader(), TimeProvider.System,
            new LoadBalancerOptions { ConnectionTableMaxAge = TimeSpan.FromMilliseconds(20) });
        _balancer = new LoadBalancer(_notifications, counter, []);
        Publish(0, _first);
        Publish(1, _second);
    }

    [Fact]
    public async Task The_pick_moves_to_the_replica_with_fewer_open_connections()
    {
        await ConnectAsync(_first, 3);
        await WaitForPickAsync(BalancingStrategy.LeastConnections, "svc-1");
        await WaitForPickAsync(BalancingStrategy.PowerOfTwo, "svc-1");

        await ConnectAsync(_second, 6);
        await WaitForPickAsync(BalancingStrategy.LeastConnections, "svc-0");
        await WaitForPickAsync(BalancingStrategy.PowerOfTwo, "svc-0");
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var socket in _accepted)
        {
            socket.Dispose();
        }

        _first.Stop();
        _second.Stop();
    }

    private void Publish(int index, TcpListener listener) =>
        _notifications.Publish(new ResourceSnapshot("svc", $"svc-{index}", index, "executable")
        {
            State = KnownResourceState.Running,
            Health = HealthStatus.Healthy,
            Urls = [$"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}"],
        });

    private async Task ConnectAsync(TcpListener listener, int count)
    {
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        for (var i = 0; i < count; i++)
        {
            var client = new TcpClient();
            _clients.Add(client);
            await client.ConnectAsync(IPAddress.Loopback, port);
            _accepted.Add(await listener.AcceptSocketAsync());
        }
    }

    // The table is re-read every 20 ms; a few picks in a row must all agree, for power-of-two's random pairs.
    private async Task WaitForPickAsync(BalancingStrategy strategy, string expected)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!Enumerable.Range(0, 20).All(_ => _balancer.Pick("svc", strategy, caller: null).Endpoint?.Replica == expected))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
        }
    }
}
