using System.Net;
using Orchestrator.Api.Balancing;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Balancing;

public sealed class IpHashTests
{
    private readonly BalancerHarness _harness = new();

    [Fact]
    public void The_same_address_always_gets_the_same_replica()
    {
        _harness.PublishHealthy("api", 4);
        var caller = IPAddress.Parse("10.1.2.3");

        var picks = Enumerable.Range(0, 100).Select(_ => _harness.PickReplica("api", BalancingStrategy.IpHash, caller)).Distinct().ToList();

        Assert.Single(picks);
    }

    [Fact]
    public void An_ipv4_address_seen_as_ipv6_gets_the_same_replica()
    {
        _harness.PublishHealthy("api", 4);

        foreach (var caller in Callers(50))
        {
            Assert.Equal(_harness.PickReplica("api", BalancingStrategy.IpHash, caller),
                _harness.PickReplica("api", BalancingStrategy.IpHash, caller.MapToIPv6()));
        }
    }

    [Fact]
    public void Callers_spread_over_every_replica()
    {
        _harness.PublishHealthy("api", 4);

        var shares = Callers(4_000).Select(c => _harness.PickReplica("api", BalancingStrategy.IpHash, c))
            .GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(4, shares.Count);
        Assert.All(shares.Values, count => Assert.InRange(count, 800, 1_200));
    }

    [Fact]
    public void A_replica_leaving_moves_only_its_own_callers()
    {
        _harness.PublishHealthy("api", 4);
        var callers = Callers(2_000);
        var before = callers.ToDictionary(c => c, c => _harness.PickReplica("api", BalancingStrategy.IpHash, c));

        _harness.Update("api-2", s => s with { Health = HealthStatus.Unhealthy });
        var after = callers.ToDictionary(c => c, c => _harness.PickReplica("api", BalancingStrategy.IpHash, c));

        var moved = callers.Where(c => before[c] != after[c]).ToList();
        Assert.All(moved, c => Assert.Equal("api-2", before[c]));
        Assert.Equal(callers.Count(c => before[c] == "api-2"), moved.Count);

        _harness.Update("api-2", s => s with { Health = HealthStatus.Healthy });
        Assert.All(callers, c => Assert.Equal(before[c], _harness.PickReplica("api", BalancingStrategy.IpHash, c)));
    }

    private static List<IPAddress> Callers(int count) =>
        Enumerable.Range(0, count).Select(i => new IPAddress([192, 168, (byte)(i / 250), (byte)(i % 250 + 1)])).ToList();
}
