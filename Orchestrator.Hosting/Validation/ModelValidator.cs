using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Validation;

/// <summary>Checks a model before anything starts and names every problem at once.</summary>
public static class ModelValidator
{
    /// <summary>Every problem in the model, in resource order.</summary>
    public static IReadOnlyList<ModelProblem> Validate(DistributedApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        // TODO(H1): the full rule set.
        return [];
    }

    /// <summary>Throws one exception that lists every problem.</summary>
    public static void ThrowIfInvalid(DistributedApplicationModel model)
    {
        var problems = Validate(model);
        if (problems.Count > 0)
        {
            throw new DistributedApplicationValidationException(problems);
        }
    }
}
