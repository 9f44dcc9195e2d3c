using Orchestrator.Api.Balancing;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Balancing;

public sealed class RoundRobinTests
{
    private readonly BalancerHarness _harness = new();

    [Fact]
    public void Cycles_exactly_over_the_replicas_in_order()
    {
        _harness.PublishHealthy("catalog", 3);

        var picks = Enumerable.Range(0, 9).Select(_ => _harness.PickReplica("catalog", BalancingStrategy.RoundRobin)).ToList();

        Assert.Equal(["catalog-0", "catalog-1", "catalog-2", "catalog-0", "catalog-1", "catalog-2", "catalog-0", "catalog-1", "catalog-2"], picks);
    }

    [Fact]
    public void Cycles_over_the_eligible_replicas_only()
    {
        _harness.PublishHealthy("catalog", 3);
        _harness.Update("catalog-1", s => s with { Health = HealthStatus.Unhealthy });

        var picks = Enumerable.Range(0, 4).Select(_ => _harness.PickReplica("catalog", BalancingStrategy.RoundRobin)).ToList();

        Assert.Equal(["catalog-0", "catalog-2", "catalog-0", "catalog-2"], picks);
    }

    [Fact]
    public void Answers_with_the_replicas_url_and_the_strategy()
    {
        _harness.PublishHealthy("catalog", 1);

        var result = _harness.Balancer.Pick("catalog", BalancingStrategy.RoundRobin, caller: null);

        Assert.Equal(BalancingStatus.Picked, result.Status);
        Assert.Equal(new BalancedEndpoint("catalog", "catalog-0", new Uri("http://127.0.0.1:5000"), BalancingStrategy.RoundRobin), result.Endpoint);
    }
}
