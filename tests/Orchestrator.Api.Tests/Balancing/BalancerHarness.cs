using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Balancing;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Balancing;

/// <summary>A balancer over a real notification service, with replicas a test publishes on ports 5000, 5001...</summary>
internal sealed class BalancerHarness
{
    public const int FirstPort = 5000;

    public BalancerHarness(Dictionary<string, int>? weights = null, Random? random = null)
    {
        Balancer = new LoadBalancer(Notifications, Connections, weights is null ? [] : [new FixedWeights(weights)], random);
    }

    public ResourceNotificationService Notifications { get; } = new(NullLogger<ResourceNotificationService>.Instance);

    public FakeConnectionCounter Connections { get; } = new();

    public LoadBalancer Balancer { get; }

    public static int PortOf(int index) => FirstPort + index;

    /// <summary>Publishes <paramref name="count"/> replicas of <paramref name="resource"/>, Running and Healthy.</summary>
    public void PublishHealthy(string resource, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Notifications.Publish(Healthy(resource, i));
        }
    }

    public static ResourceSnapshot Healthy(string resource, int index) => new(resource, $"{resource}-{index}", index, "project")
    {
        State = KnownResourceState.Running,
        Health = HealthStatus.Healthy,
        CircuitState = "Closed",
        Urls = [$"http://127.0.0.1:{PortOf(index)}"],
    };

    public void Update(string replica, Func<ResourceSnapshot, ResourceSnapshot> update) => Notifications.PublishUpdate(replica, update);

    public string PickReplica(string resource, BalancingStrategy strategy, IPAddress? caller = null)
    {
        var result = Balancer.Pick(resource, strategy, caller);
        Assert.True(result.Status == BalancingStatus.Picked, result.Reason);
        return result.Endpoint!.Replica;
    }
}
