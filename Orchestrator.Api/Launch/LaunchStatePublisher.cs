using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Launch;

/// <summary>Publishes the states the launcher owns (waiting, blocked, failed to start) for every replica of a resource.</summary>
internal sealed class LaunchStatePublisher(ResourceNotificationService notifications)
{
    public void Publish(IResource resource, KnownResourceState state, string? reason)
    {
        for (var index = 0; index < resource.GetReplicaCount(); index++)
        {
            var replicaName = resource.GetReplicaName(index);
            // The launcher may be first to speak of a replica; the executor publishes the ones after.
            if (notifications.GetSnapshot(replicaName) is null)
            {
                notifications.Publish(new ResourceSnapshot(resource.Name, replicaName, index, resource.GetResourceType())
                {
                    State = state,
                    StateReason = reason,
                });
            }
            else
            {
                notifications.PublishUpdate(replicaName, s => s with { State = state, StateReason = reason });
            }
        }
    }
}
