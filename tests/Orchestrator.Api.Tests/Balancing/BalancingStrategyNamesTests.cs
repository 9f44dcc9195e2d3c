using Orchestrator.Api.Balancing;

namespace Orchestrator.Api.Tests.Balancing;

public sealed class BalancingStrategyNamesTests
{
    [Theory]
    [InlineData("power-of-two", BalancingStrategy.PowerOfTwo)]
    [InlineData("round-robin", BalancingStrategy.RoundRobin)]
    [InlineData("least-connections", BalancingStrategy.LeastConnections)]
    [InlineData("weighted", BalancingStrategy.Weighted)]
    [InlineData("ip-hash", BalancingStrategy.IpHash)]
    [InlineData("Round-Robin", BalancingStrategy.RoundRobin)]
    public void Reads_every_wire_name(string text, BalancingStrategy expected)
    {
        Assert.True(BalancingStrategyNames.TryParse(text, out var strategy));
        Assert.Equal(expected, strategy);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_name_means_power_of_two(string? text)
    {
        Assert.True(BalancingStrategyNames.TryParse(text, out var strategy));
        Assert.Equal(BalancingStrategy.PowerOfTwo, strategy);
    }

    [Theory]
    [InlineData("random")]
    [InlineData("RoundRobin")]
    [InlineData("1")]
    public void Rejects_unknown_names(string text) => Assert.False(BalancingStrategyNames.TryParse(text, out _));

    [Fact]
    public void Every_strategy_reads_back_from_its_name()
    {
        foreach (var strategy in Enum.GetValues<BalancingStrategy>())
        {
            Assert.True(BalancingStrategyNames.TryParse(BalancingStrategyNames.ToName(strategy), out var parsed));
            Assert.Equal(strategy, parsed);
        }
    }
}
