using Orchestrator.Api.Balancing;

namespace Orchestrator.Api.Tests.Balancing;

public sealed class PowerOfTwoChoicesTests
{
    [Fact]
    public void The_busiest_replica_is_never_picked_since_it_loses_every_pair()
    {
        var harness = new BalancerHarness(random: new Random(42));
        harness.PublishHealthy("api", 3);
        harness.Connections.Counts[BalancerHarness.PortOf(0)] = 1;
        harness.Connections.Counts[BalancerHarness.PortOf(1)] = 2;
        harness.Connections.Counts[BalancerHarness.PortOf(2)] = 9;

        var picks = Enumerable.Range(0, 3_000).Select(_ => harness.PickReplica("api", BalancingStrategy.PowerOfTwo))
            .GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());

        Assert.False(picks.ContainsKey("api-2"));
        // api-0 wins both pairs it is in (2 of 3), api-1 only the pair with api-2 (1 of 3).
        Assert.InRange(picks["api-0"], 1_800, 2_200);
        Assert.InRange(picks["api-1"], 800, 1_200);
    }

    [Fact]
    public void Equal_replicas_share_the_picks()
    {
        var harness = new BalancerHarness(random: new Random(7));
        harness.PublishHealthy("api", 4);

        var picks = Enumerable.Range(0, 4_000).Select(_ => harness.PickReplica("api", BalancingStrategy.PowerOfTwo))
            .GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(4, picks.Count);
        Assert.All(picks.Values, count => Assert.InRange(count, 800, 1_200));
    }

    [Fact]
    public void A_single_replica_is_picked_without_a_second_choice()
    {
        var harness = new BalancerHarness();
        harness.PublishHealthy("api", 1);

        Assert.Equal("api-0", harness.PickReplica("api", BalancingStrategy.PowerOfTwo));
    }
}
