using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Launch;

/// <summary>Orders resources so that each comes after its dependencies, and finds the cycle when none can.</summary>
internal static class DependencyOrder
{
    /// <summary>
    /// Kahn's algorithm over <paramref name="resources"/>: among the resources whose dependencies are
    /// all placed, the one with the lowest <paramref name="rank"/> goes next, so the order is stable.
    /// Dependencies outside <paramref name="resources"/> count as already placed.
    /// </summary>
    /// <returns>The order, and the resources that could not be placed because they sit on or behind a cycle.</returns>
    public static (IReadOnlyList<IResource> Order, IReadOnlyList<IResource> Unplaced) Sort(
        IReadOnlyList<IResource> resources,
        Func<IResource, IReadOnlyList<IResource>> dependenciesOf,
        Func<IResource, (int, int)> rank)
    {
        var members = resources.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var waitingOn = new Dictionary<string, int>(StringComparer.Ordinal);
        var dependents = new Dictionary<string, List<IResource>>(StringComparer.Ordinal);
        var ready = new PriorityQueue<IResource, (int, int)>();

        foreach (var resource in resources)
        {
            var inside = dependenciesOf(resource).Where(d => members.Contains(d.Name)).ToList();
            waitingOn[resource.Name] = inside.Count;
            foreach (var dependency in inside)
            {
                if (!dependents.TryGetValue(dependency.Name, out var list))
                {
                    dependents[dependency.Name] = list = [];
                }

                list.Add(resource);
            }

            if (inside.Count == 0)
            {
                ready.Enqueue(resource, rank(resource));
            }
        }

        var order = new List<IResource>(resources.Count);
        while (ready.TryDequeue(out var next, out _))
        {
            order.Add(next);
            foreach (var dependent in dependents.GetValueOrDefault(next.Name) ?? [])
            {
                if (--waitingOn[dependent.Name] == 0)
                {
                    ready.Enqueue(dependent, rank(dependent));
                }
            }
        }

        var placed = order.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        return (order, resources.Where(r => !placed.Contains(r.Name)).ToList());
    }

    /// <summary>
    /// One cycle among <paramref name="unplaced"/>, as the names along it with the first repeated at the end.
    /// Every unplaced resource waits on another unplaced one, so walking those edges must come back round.
    /// </summary>
    public static IReadOnlyList<string> FindCycle(IReadOnlyList<IResource> unplaced, Func<IResource, IReadOnlyList<IResource>> dependenciesOf)
    {
        var byName = unplaced.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var path = new List<string>();
        var current = unplaced[0];
        while (!path.Contains(current.Name))
        {
            path.Add(current.Name);
            current = byName[dependenciesOf(current).First(d => byName.ContainsKey(d.Name)).Name];
        }

        return [.. path.Skip(path.IndexOf(current.Name)), current.Name];
    }
}
