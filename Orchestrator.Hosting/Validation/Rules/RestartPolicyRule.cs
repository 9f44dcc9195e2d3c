using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Validation.Rules;

/// <summary>A restart ladder the healer can climb: the checks of <c>WithRestartPolicy</c>, for ladders read from a manifest.</summary>
internal sealed class RestartPolicyRule : IModelRule
{
    public IEnumerable<ModelProblem> Check(DistributedApplicationModel model)
    {
        foreach (var resource in model.Resources)
        {
            if (resource.Annotations.LastOfType<RestartPolicyAnnotation>() is not { } policy)
            {
                continue;
            }

            foreach (var message in RestartPolicyProblems.Find(
                resource.Name, policy.Tiers, policy.MinUptime, policy.StabilityPeriod, policy.GracefulStopTimeout))
            {
                yield return new ModelProblem(resource.Name, message);
            }
        }
    }
}
