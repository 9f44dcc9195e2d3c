using Orchestrator.Api.Balancing;

namespace Orchestrator.Api.Tests.Balancing;

public sealed class LeastConnectionsTests
{
    private readonly BalancerHarness _harness = new();

    [Fact]
    public void Picks_the_replica_with_the_fewest_connections()
    {
        _harness.PublishHealthy("api", 3);
        _harness.Connections.Counts[BalancerHarness.PortOf(0)] = 4;
        _harness.Connections.Counts[BalancerHarness.PortOf(1)] = 1;
        _harness.Connections.Counts[BalancerHarness.PortOf(2)] = 7;

        Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal("api-1", _harness.PickReplica("api", BalancingStrategy.LeastConnections)));
    }

    [Fact]
    public void Ties_take_turns()
    {
        _harness.PublishHealthy("api", 3);
        _harness.Connections.Counts[BalancerHarness.PortOf(1)] = 2;

        var picks = Enumerable.Range(0, 6).Select(_ => _harness.PickReplica("api", BalancingStrategy.LeastConnections)).ToList();

        Assert.DoesNotContain("api-1", picks);
        Assert.Equal(3, picks.Count(p => p == "api-0"));
        Assert.Equal(3, picks.Count(p => p == "api-2"));
    }

    [Fact]
    public void Replicas_on_another_host_share_the_load_since_their_connections_cannot_be_seen()
    {
        _harness.Notifications.Publish(BalancerHarness.Healthy("remote", 0) with { Urls = ["https://a.example.com:8443"] });
        _harness.Notifications.Publish(BalancerHarness.Healthy("remote", 1) with { Urls = ["https://b.example.com:8443"] });
        _harness.Connections.Counts[8443] = 50;

        var picks = Enumerable.Range(0, 4).Select(_ => _harness.PickReplica("remote", BalancingStrategy.LeastConnections)).ToList();

        Assert.Equal(["remote-0", "remote-1", "remote-0", "remote-1"], picks);
    }
}
