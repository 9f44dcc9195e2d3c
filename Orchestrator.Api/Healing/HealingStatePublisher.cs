using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Healing;

/// <summary>Puts what the healer decided into the replicas' snapshots: waiting, quarantined, the circuit's state.</summary>
internal sealed class HealingStatePublisher(ResourceNotificationService notifications)
{
    public void PublishWaiting(string replica, string reason) =>
        Update(replica, s => s with { State = KnownResourceState.Waiting, StateReason = reason });

    public void PublishQuarantined(string replica, string reason) =>
        Update(replica, s => s with { State = KnownResourceState.Quarantined, StateReason = reason, ProcessId = null, Health = null });

    public void PublishCircuit(IResource resource, BreakerState state)
    {
        for (var i = 0; i < resource.GetReplicaCount(); i++)
        {
            Update(resource.GetReplicaName(i), s => s with { CircuitState = state.ToString() });
        }
    }

    // A replica the launch never published (explicit start) has no snapshot to change.
    private void Update(string replica, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        if (notifications.GetSnapshot(replica) is not null)
        {
            notifications.PublishUpdate(replica, update);
        }
    }
}
