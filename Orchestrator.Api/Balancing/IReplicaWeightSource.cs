using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Balancing;

/// <summary>Knows the weight of some replicas (the model's <see cref="WeightAnnotation"/>, a registration's endpoints).</summary>
public interface IReplicaWeightSource
{
    /// <summary>The replica's weight (at least 1), or null when this source does not know the replica.</summary>
    int? GetWeight(ResourceSnapshot replica);
}
