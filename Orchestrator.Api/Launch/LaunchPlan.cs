using System.Collections.Immutable;

namespace Orchestrator.Api.Launch;

/// <summary>
/// The order in which a model starts: phases, each with its resources in start order. Made by
/// <see cref="LaunchPlanner"/>, run by <see cref="PhasedLauncher"/>, shown by the API.
/// </summary>
/// <param name="Phases">The phases in start order, none empty.</param>
public sealed record LaunchPlan(ImmutableArray<LaunchPhase> Phases)
{
    /// <summary>Every planned resource, in start order.</summary>
    public IEnumerable<PlannedResource> Resources => Phases.SelectMany(p => p.Resources);

    /// <summary>Every dependency edge, in start order of the dependents.</summary>
    public IEnumerable<LaunchEdge> Edges =>
        Resources.SelectMany(r => r.Dependencies.Select(d => new LaunchEdge(r.Name, d.Name, d.WaitType)));

    /// <summary>The planned resource named <paramref name="name"/>, or null.</summary>
    public PlannedResource? Find(string name) => Resources.FirstOrDefault(r => r.Name == name);

    /// <summary>The phase number of the resource named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The resource is not in the plan.</exception>
    public int GetPhase(string name) =>
        Find(name)?.Phase ?? throw new KeyNotFoundException($"Resource '{name}' is not in the launch plan.");

    /// <summary>The resources that depend on <paramref name="name"/>, directly or through others, in start order.</summary>
    public IReadOnlyList<PlannedResource> GetDependents(string name)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { name };
        var dependents = new List<PlannedResource>();
        // Start order puts every dependency before its dependents, so one pass reaches the whole closure.
        foreach (var resource in Resources)
        {
            if (resource.Dependencies.Any(d => reached.Contains(d.Name)) && reached.Add(resource.Name))
            {
                dependents.Add(resource);
            }
        }

        return dependents;
    }
}
