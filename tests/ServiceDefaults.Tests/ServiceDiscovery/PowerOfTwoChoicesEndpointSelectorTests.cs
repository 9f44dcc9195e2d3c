using Microsoft.Extensions.Hosting.ServiceDiscovery;

namespace ServiceDefaults.Tests.ServiceDiscovery;

public sealed class PowerOfTwoChoicesEndpointSelectorTests
{
    [Fact]
    public void Of_two_replicas_always_picks_the_one_with_less_in_flight()
    {
        var selector = new PowerOfTwoChoicesEndpointSelector(new Random(7));

        var picks = Enumerable.Range(0, 50).Select(_ => selector.NextIndex([4, 1])).Distinct();

        Assert.Equal([1], picks);
    }

    [Fact]
    public void Never_picks_the_busiest_of_three_replicas()
    {
        var selector = new PowerOfTwoChoicesEndpointSelector(new Random(11));

        var picks = Enumerable.Range(0, 200).Select(_ => selector.NextIndex([0, 9, 0])).ToHashSet();

        Assert.Equal(new HashSet<int> { 0, 2 }, picks);
    }

    [Fact]
    public void Spreads_idle_replicas_across_all_of_them()
    {
        var selector = new PowerOfTwoChoicesEndpointSelector(new Random(3));

        var picks = Enumerable.Range(0, 200).Select(_ => selector.NextIndex([0, 0, 0])).ToHashSet();

        Assert.Equal(new HashSet<int> { 0, 1, 2 }, picks);
    }
}
