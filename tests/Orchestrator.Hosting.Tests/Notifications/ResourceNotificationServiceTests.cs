using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Hosting.Tests.Notifications;

public sealed class ResourceNotificationServiceTests
{
    private readonly ResourceNotificationService _notifications = new(NullLogger<ResourceNotificationService>.Instance);

    [Fact]
    public void Reads_one_resource_s_replicas_in_index_order_with_their_latest_snapshots()
    {
        _notifications.Publish(new ResourceSnapshot("catalog", "catalog-1", 1, "project"));
        _notifications.Publish(new ResourceSnapshot("basket", "basket-0", 0, "project"));
        _notifications.Publish(new ResourceSnapshot("catalog", "catalog-0", 0, "project"));
        _notifications.PublishUpdate("catalog-1", s => s with { State = KnownResourceState.Running });

        var catalog = _notifications.GetSnapshots("catalog");

        Assert.Equal(["catalog-0", "catalog-1"], catalog.Select(s => s.ReplicaName));
        Assert.Equal(KnownResourceState.Running, catalog[1].State);
        Assert.Equal(2, catalog[1].Version);
        Assert.Equal(3, _notifications.GetSnapshots().Count);
    }

    [Fact]
    public void Forgets_a_removed_replica_in_every_view()
    {
        _notifications.Publish(new ResourceSnapshot("pay", "pay-0", 0, "external"));
        _notifications.Publish(new ResourceSnapshot("pay", "pay-1", 1, "external"));

        _notifications.Remove("pay-0");
        Assert.Equal(["pay-1"], _notifications.GetSnapshots("pay").Select(s => s.ReplicaName));

        _notifications.Remove("pay-1");
        Assert.Empty(_notifications.GetSnapshots("pay"));
        Assert.Empty(_notifications.GetSnapshots());
        Assert.Null(_notifications.GetSnapshot("pay-1"));
    }
}
