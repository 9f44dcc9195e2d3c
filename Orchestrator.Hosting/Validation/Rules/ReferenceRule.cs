using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Validation.Rules;

/// <summary>Every reference, wait and parent points at a resource of this model, and never at the resource itself.</summary>
internal sealed class ReferenceRule : IModelRule
{
    public IEnumerable<ModelProblem> Check(DistributedApplicationModel model)
    {
        var members = new HashSet<IResource>(model.Resources, ReferenceEqualityComparer.Instance);
        foreach (var resource in model.Resources)
        {
            foreach (var (target, verb, call) in Links(resource))
            {
                if (ReferenceEquals(target, resource))
                {
                    yield return new ModelProblem(resource.Name,
                        $"Resource '{resource.Name}' {verb} itself. Remove the {call}.");
                }
                else if (!members.Contains(target))
                {
                    yield return new ModelProblem(resource.Name, DescribeMissing(model, resource, target, verb, call));
                }
            }
        }
    }

    private static string DescribeMissing(DistributedApplicationModel model, IResource resource, IResource target, string verb, string call)
    {
        // A same-named resource in the model means the target came from another builder: the names match, the objects do not.
        var lookalike = model.Resources.Any(r => string.Equals(r.Name, target.Name, StringComparison.Ordinal))
            ? $" (the model's '{target.Name}' is another object: use the builder that added it)"
            : string.Empty;
        return $"Resource '{resource.Name}' {verb} '{target.Name}', which is not in the model{lookalike}. " +
               $"Add it with {ResourceHints.HowToAdd(target)} or remove the {call}.";
    }

    private static IEnumerable<(IResource Target, string Verb, string Call)> Links(IResource resource)
    {
        if (resource is IResourceWithParent child)
        {
            yield return (child.Parent, "belongs to", "resource");
        }

        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
        {
            yield return wait.WaitType == WaitType.WaitForCompletion
                ? (wait.Target, "waits for the completion of", "WaitForCompletion")
                : (wait.Target, "waits for", "WaitFor");
        }

        foreach (var reference in resource.Annotations.OfType<ResourceReferenceAnnotation>())
        {
            yield return (reference.Target, "references", "WithReference");
        }
    }
}
