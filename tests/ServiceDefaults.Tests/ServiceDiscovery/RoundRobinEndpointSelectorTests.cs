using Microsoft.Extensions.Hosting.ServiceDiscovery;

namespace ServiceDefaults.Tests.ServiceDiscovery;

public sealed class RoundRobinEndpointSelectorTests
{
    [Fact]
    public void Hands_out_replicas_in_turn()
    {
        var selector = new RoundRobinEndpointSelector();

        var picks = Enumerable.Range(0, 7).Select(_ => selector.NextIndex("catalog/http", 3));

        Assert.Equal([0, 1, 2, 0, 1, 2, 0], picks);
    }

    [Fact]
    public void Keeps_one_rotation_per_service()
    {
        var selector = new RoundRobinEndpointSelector();
        selector.NextIndex("catalog/http", 2);

        Assert.Equal(0, selector.NextIndex("basket/http", 2));
    }
}
