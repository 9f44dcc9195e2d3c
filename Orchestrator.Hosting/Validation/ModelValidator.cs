using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Validation.Rules;

namespace Orchestrator.Hosting.Validation;

/// <summary>Checks a model before anything starts and names every problem at once.</summary>
public static class ModelValidator
{
    /// <summary>Every problem in the model, in resource order.</summary>
    public static IReadOnlyList<ModelProblem> Validate(DistributedApplicationModel model) => Validate(model, searchPath: null);

    /// <summary>Every problem in the model, in resource order, looking bare commands up on <paramref name="searchPath"/>.</summary>
    /// <param name="model">The model to check.</param>
    /// <param name="searchPath">The PATH used to find executables given by name; the AppHost's own PATH when null.</param>
    public static IReadOnlyList<ModelProblem> Validate(DistributedApplicationModel model, string? searchPath)
    {
        ArgumentNullException.ThrowIfNull(model);
        IModelRule[] rules =
        [
            new ResourceNameRule(),
            new ReferenceRule(),
            new DependencyCycleRule(),
            new EndpointRule(),
            new ReplicaRule(),
            new FileSystemRule(searchPath),
            new LaunchPhaseRule(),
            new HealthCheckRule(),
            new StartTimeoutRule(),
            new RestartPolicyRule(),
        ];

        // Grouped by resource so a reader sees everything wrong with one resource together; the sort is stable.
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var resource in model.Resources)
        {
            order.TryAdd(resource.Name, order.Count);
        }

        return rules
            .SelectMany(rule => rule.Check(model))
            .OrderBy(problem => order.GetValueOrDefault(problem.ResourceName, int.MaxValue))
            .ToList();
    }

    /// <summary>Throws one exception that lists every problem.</summary>
    /// <exception cref="DistributedApplicationValidationException">The model has at least one problem.</exception>
    public static void ThrowIfInvalid(DistributedApplicationModel model)
    {
        var problems = Validate(model);
        if (problems.Count > 0)
        {
            throw new DistributedApplicationValidationException(problems);
        }
    }
}
