using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Balancing;

/// <summary>The weights the model gives with <c>WithWeight</c>.</summary>
public sealed class ModelReplicaWeights(DistributedApplicationModel model) : IReplicaWeightSource
{
    /// <inheritdoc />
    public int? GetWeight(ResourceSnapshot replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        return model.Find(replica.ResourceName)?.Annotations.LastOfType<WeightAnnotation>()?.Weight;
    }
}
