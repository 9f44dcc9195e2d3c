using Orchestrator.Api.Balancing;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Balancing;

/// <summary>Weights a test sets by replica name.</summary>
internal sealed class FixedWeights(Dictionary<string, int> weights) : IReplicaWeightSource
{
    public int? GetWeight(ResourceSnapshot replica) => weights.TryGetValue(replica.ReplicaName, out var weight) ? weight : null;
}
