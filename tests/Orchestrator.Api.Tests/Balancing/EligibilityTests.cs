using System.Net;
using Orchestrator.Api.Balancing;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Balancing;

/// <summary>No strategy ever picks a replica that may not take traffic, whatever the replicas' states.</summary>
public sealed class EligibilityTests
{
    private static readonly KnownResourceState[] States = Enum.GetValues<KnownResourceState>();
    private static readonly HealthStatus?[] Healths = [null, HealthStatus.Unhealthy, HealthStatus.Degraded, HealthStatus.Healthy];
    private static readonly string?[] Circuits = [null, "Closed", "HalfOpen", "Open"];

    [Fact]
    public void No_strategy_picks_an_unhealthy_unready_quarantined_or_open_or_half_open_circuit_replica_over_many_random_states()
    {
        var random = new Random(20261206);
        var harness = new BalancerHarness(new Dictionary<string, int> { ["api-1"] = 3, ["api-4"] = 2 }, new Random(1));
        const int replicas = 6;
        harness.PublishHealthy("api", replicas);
        var picked = 0;
        var noneAvailable = 0;

        for (var round = 0; round < 3_000; round++)
        {
            // Change a few replicas at a time, as a running system does, so cached pools must notice.
            for (var change = random.Next(1, 4); change > 0; change--)
            {
                var index = random.Next(replicas);
                harness.Update($"api-{index}", s => s with
                {
                    State = random.Next(3) == 0 ? States[random.Next(States.Length)] : KnownResourceState.Running,
                    Health = random.Next(3) == 0 ? Healths[random.Next(Healths.Length)] : HealthStatus.Healthy,
                    CircuitState = Circuits[random.Next(Circuits.Length)],
                });
                harness.Connections.Counts[BalancerHarness.PortOf(index)] = random.Next(5);
            }

            var eligible = harness.Notifications.GetSnapshots("api").Where(IsEligible).Select(s => s.ReplicaName).ToHashSet();
            foreach (var strategy in Enum.GetValues<BalancingStrategy>())
            {
                var caller = new IPAddress([10, 0, (byte)random.Next(256), (byte)random.Next(256)]);
                var result = harness.Balancer.Pick("api", strategy, caller);
                if (eligible.Count == 0)
                {
                    Assert.Equal(BalancingStatus.NoneAvailable, result.Status);
                    Assert.Null(result.Endpoint);
                    Assert.False(string.IsNullOrEmpty(result.Reason));
                    noneAvailable++;
                }
                else
                {
                    Assert.Equal(BalancingStatus.Picked, result.Status);
                    Assert.Contains(result.Endpoint!.Replica, eligible);
                    picked++;
                }
            }
        }

        // The random states must have covered both outcomes, or the test proves little.
        Assert.True(picked > 1_000 && noneAvailable > 50, $"picked {picked}, none available {noneAvailable}");
    }

    [Fact]
    public void None_available_says_why_for_each_replica()
    {
        var harness = new BalancerHarness();
        harness.PublishHealthy("api", 4);
        harness.Update("api-0", s => s with { State = KnownResourceState.Quarantined, Health = null });
        harness.Update("api-1", s => s with { Health = HealthStatus.Unhealthy });
        harness.Update("api-2", s => s with { CircuitState = "Open" });
        harness.Update("api-3", s => s with { State = KnownResourceState.Starting, Health = null });

        var result = harness.Balancer.Pick("api", BalancingStrategy.PowerOfTwo, caller: null);

        Assert.Equal(BalancingStatus.NoneAvailable, result.Status);
        Assert.Contains("api-0 is quarantined", result.Reason, StringComparison.Ordinal);
        Assert.Contains("api-1 is Unhealthy", result.Reason, StringComparison.Ordinal);
        Assert.Contains("api-2 is behind an open circuit", result.Reason, StringComparison.Ordinal);
        Assert.Contains("api-3 is Starting", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_whose_circuit_is_half_open_stays_out_of_balancing_until_it_closes()
    {
        var harness = new BalancerHarness();
        harness.PublishHealthy("api", 2);
        foreach (var replica in new[] { "api-0", "api-1" })
        {
            harness.Update(replica, s => s with { CircuitState = "HalfOpen" });
        }

        var halfOpen = harness.Balancer.Pick("api", BalancingStrategy.RoundRobin, caller: null);
        foreach (var replica in new[] { "api-0", "api-1" })
        {
            harness.Update(replica, s => s with { CircuitState = "Closed" });
        }

        Assert.Equal(BalancingStatus.NoneAvailable, halfOpen.Status);
        Assert.Contains("api-1 is behind a half-open circuit", halfOpen.Reason, StringComparison.Ordinal);
        Assert.Equal(["api-0", "api-1"], Enumerable.Range(0, 4).Select(_ => harness.PickReplica("api", BalancingStrategy.RoundRobin)).ToHashSet().Order());
    }

    [Fact]
    public void A_replica_not_yet_checked_is_not_ready()
    {
        var harness = new BalancerHarness();
        harness.Notifications.Publish(BalancerHarness.Healthy("api", 0) with { Health = null });

        var result = harness.Balancer.Pick("api", BalancingStrategy.RoundRobin, caller: null);

        Assert.Equal(BalancingStatus.NoneAvailable, result.Status);
    }

    [Fact]
    public void An_unknown_resource_is_unknown()
    {
        var harness = new BalancerHarness();
        harness.PublishHealthy("api", 1);

        Assert.Equal(BalancingStatus.UnknownResource, harness.Balancer.Pick("nope", BalancingStrategy.PowerOfTwo, caller: null).Status);
    }

    [Fact]
    public void A_replica_published_later_joins_at_once()
    {
        var harness = new BalancerHarness();
        harness.PublishHealthy("api", 1);
        Assert.Equal("api-0", harness.PickReplica("api", BalancingStrategy.RoundRobin));

        harness.Notifications.Publish(BalancerHarness.Healthy("api", 1));

        var picks = Enumerable.Range(0, 4).Select(_ => harness.PickReplica("api", BalancingStrategy.RoundRobin)).ToHashSet();
        Assert.Equal(["api-0", "api-1"], picks.Order());
    }

    [Fact]
    public void A_removed_replica_leaves_at_once()
    {
        var harness = new BalancerHarness();
        harness.PublishHealthy("api", 2);
        harness.PickReplica("api", BalancingStrategy.RoundRobin);

        harness.Notifications.Remove("api-0");

        Assert.All(Enumerable.Range(0, 4), _ => Assert.Equal("api-1", harness.PickReplica("api", BalancingStrategy.RoundRobin)));
    }

    private static bool IsEligible(ResourceSnapshot s) =>
        s.State == KnownResourceState.Running && s.Health == HealthStatus.Healthy && s.CircuitState is null or "Closed";
}
