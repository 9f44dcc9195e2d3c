using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Launch;

/// <summary>Publishes the states the launcher owns (waiting, blocked, failed to start) for every replica of a resource.</summary>
internal sealed class LaunchStatePublisher(ResourceNotificationService notifications)
{
    /// <summary>What every planned resource does before the launch reaches it: waits for its dependencies, or for a command.</summary>
    public void PublishInitialStates(LaunchPlan plan)
    {
        foreach (var resource in plan.Resources)
        {
            var (state, reason) = resource switch
            {
                { IsExplicitStart: true } => (KnownResourceState.NotStarted, "starts by command"),
                { BlockedUntilStarted.IsEmpty: false } => (KnownResourceState.Waiting,
                    $"waiting for {Quote(resource.BlockedUntilStarted)} to be started"),
                { Dependencies.IsEmpty: false } => (KnownResourceState.Waiting,
                    $"waiting for {Quote(resource.Dependencies.Select(d => d.Name))}"),
                _ => (KnownResourceState.NotStarted, (string?)null),
            };
            Publish(resource.Resource, state, reason);
        }
    }

    public void PublishNotStarted(IEnumerable<PlannedResource> resources, string reason)
    {
        foreach (var resource in resources)
        {
            Publish(resource.Resource, KnownResourceState.NotStarted, reason);
        }
    }

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

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
