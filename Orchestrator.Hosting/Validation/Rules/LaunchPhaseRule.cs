using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Validation.Rules;

/// <summary>
/// A pinned launch phase is not negative and comes after the pinned phase of every dependency. A
/// resource inside its parent (a database in its server) starts with the parent, so that link is exempt.
/// </summary>
internal sealed class LaunchPhaseRule : IModelRule
{
    public IEnumerable<ModelProblem> Check(DistributedApplicationModel model)
    {
        var members = new HashSet<IResource>(model.Resources, ReferenceEqualityComparer.Instance);
        foreach (var resource in model.Resources)
        {
            if (PinnedPhase(resource) is not { } phase)
            {
                continue;
            }

            if (phase < 0)
            {
                yield return new ModelProblem(resource.Name,
                    $"Resource '{resource.Name}' is pinned to phase {phase}, but phases start at 0. Pass WithLaunchPhase a phase of 0 or more.");
                continue;
            }

            var parent = (resource as IResourceWithParent)?.Parent;
            foreach (var dependency in resource.GetDependencies().Where(d => members.Contains(d) && !ReferenceEquals(d, parent)))
            {
                if (PinnedPhase(dependency) is { } dependencyPhase && dependencyPhase >= phase)
                {
                    yield return new ModelProblem(resource.Name,
                        $"Resource '{resource.Name}' is pinned to phase {phase} but depends on '{dependency.Name}' in phase {dependencyPhase}, " +
                        $"which must start first. Pin '{resource.Name}' to phase {dependencyPhase + 1} or later, or move '{dependency.Name}' to an earlier phase.");
                }
            }
        }
    }

    // A later WithLaunchPhase call replaces an earlier one entirely, as every singleton annotation does.
    private static int? PinnedPhase(IResource resource) => resource.Annotations.LastOfType<LaunchPhaseAnnotation>()?.Phase;
}
