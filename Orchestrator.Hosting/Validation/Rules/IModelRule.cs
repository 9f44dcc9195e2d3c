using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Validation.Rules;

/// <summary>One check of the model. A rule reports every problem it finds, never only the first.</summary>
internal interface IModelRule
{
    IEnumerable<ModelProblem> Check(DistributedApplicationModel model);
}
