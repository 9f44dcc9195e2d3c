using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Validation.Rules;

/// <summary>A start timeout is a positive duration.</summary>
internal sealed class StartTimeoutRule : IModelRule
{
    public IEnumerable<ModelProblem> Check(DistributedApplicationModel model)
    {
        foreach (var resource in model.Resources)
        {
            foreach (var annotation in resource.Annotations.OfType<StartTimeoutAnnotation>().Where(a => a.Timeout <= TimeSpan.Zero))
            {
                yield return new ModelProblem(resource.Name,
                    $"Resource '{resource.Name}' has a start timeout of {annotation.Timeout}, so it could never start. " +
                    "Pass WithStartTimeout a positive duration, for example TimeSpan.FromSeconds(60).");
            }
        }
    }
}
