using Orchestrator.Api.Balancing;
using Orchestrator.Api.Tests.Launch;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Tests.Balancing;

public sealed class WeightedTests
{
    [Fact]
    public void Ten_thousand_picks_follow_the_weights_within_two_percent()
    {
        var harness = new BalancerHarness(new Dictionary<string, int> { ["api-0"] = 1, ["api-1"] = 3, ["api-2"] = 6 });
        harness.PublishHealthy("api", 3);

        var picks = Enumerable.Range(0, 10_000).Select(_ => harness.PickReplica("api", BalancingStrategy.Weighted))
            .GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(picks["api-0"], 1_000 - 200, 1_000 + 200);
        Assert.InRange(picks["api-1"], 3_000 - 200, 3_000 + 200);
        Assert.InRange(picks["api-2"], 6_000 - 200, 6_000 + 200);
    }

    [Fact]
    public void Interleaves_instead_of_sending_a_burst_to_the_heaviest()
    {
        var harness = new BalancerHarness(new Dictionary<string, int> { ["api-0"] = 5, ["api-1"] = 1, ["api-2"] = 1 });
        harness.PublishHealthy("api", 3);

        var picks = Enumerable.Range(0, 7).Select(_ => harness.PickReplica("api", BalancingStrategy.Weighted)[^1]).ToArray();

        Assert.Equal("0010200", new string(picks));
    }

    [Fact]
    public void Replicas_without_a_weight_weigh_one()
    {
        var harness = new BalancerHarness(new Dictionary<string, int> { ["api-0"] = 2 });
        harness.PublishHealthy("api", 2);

        var picks = Enumerable.Range(0, 300).Count(_ => harness.PickReplica("api", BalancingStrategy.Weighted) == "api-0");

        Assert.Equal(200, picks);
    }

    [Fact]
    public void A_model_resource_weighs_what_WithWeight_says()
    {
        var builder = new TestModelBuilder();
        builder.AddService("catalog").WithWeight(4);
        builder.AddService("basket");
        var weights = new ModelReplicaWeights(builder.Model);

        Assert.Equal(4, weights.GetWeight(BalancerHarness.Healthy("catalog", 1)));
        Assert.Null(weights.GetWeight(BalancerHarness.Healthy("basket", 0)));
        Assert.Null(weights.GetWeight(BalancerHarness.Healthy("elsewhere", 0)));
    }

    [Fact]
    public void WithWeight_refuses_a_weight_below_one()
    {
        var builder = new TestModelBuilder();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddService("catalog").WithWeight(0));
        Assert.Contains("'catalog'", error.Message, StringComparison.Ordinal);
    }
}
