using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Validation.Rules;

/// <summary>At least one replica runs, and several replicas never share a fixed port (each replica is its own process).</summary>
internal sealed class ReplicaRule : IModelRule
{
    public IEnumerable<ModelProblem> Check(DistributedApplicationModel model)
    {
        foreach (var resource in model.Resources)
        {
            var replicas = resource.GetReplicaCount();
            if (replicas < 1)
            {
                yield return new ModelProblem(resource.Name,
                    $"Resource '{resource.Name}' asks for {replicas} replicas. Use WithReplicas(n) with n of 1 or more.");
                continue;
            }

            if (replicas == 1)
            {
                continue;
            }

            foreach (var endpoint in resource.GetEndpoints().Where(e => e.FixedPort is not null))
            {
                yield return new ModelProblem(resource.Name,
                    $"Resource '{resource.Name}' runs {replicas} replicas but fixes endpoint '{endpoint.Name}' to port {endpoint.FixedPort}, " +
                    "which only one process can bind. Remove the port so each replica gets its own, or run one replica.");
            }
        }
    }
}
