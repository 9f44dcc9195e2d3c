using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Validation.Rules;

/// <summary>
/// The dependency graph (waits, references, parents) has no cycle. Each elementary cycle is reported
/// once, starting at its earliest-declared resource, so <c>a -&gt; b -&gt; a</c> is never also
/// reported as <c>b -&gt; a -&gt; b</c>.
/// </summary>
internal sealed class DependencyCycleRule : IModelRule
{
    // Models are small, but cycle enumeration is exponential in the worst case: both limits keep a
    // pathological model from hanging the build, and a dozen cycles is more than anyone fixes at once.
    private const int MaxReportedCycles = 12;
    private const int MaxSearchSteps = 200_000;

    public IEnumerable<ModelProblem> Check(DistributedApplicationModel model)
    {
        var resources = model.Resources;
        var index = new Dictionary<IResource, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < resources.Count; i++)
        {
            index.TryAdd(resources[i], i);
        }

        // Self-loops and edges to resources outside the model are the reference rule's to report.
        var edges = resources
            .Select((r, i) => r.GetDependencies()
                .Where(index.ContainsKey)
                .Select(d => index[d])
                .Where(d => d != i)
                .Distinct()
                .ToArray())
            .ToArray();

        var search = new CycleSearch(edges);
        for (var start = 0; start < resources.Count && !search.Exhausted; start++)
        {
            search.FindCyclesThrough(start);
        }

        foreach (var cycle in search.Cycles)
        {
            var path = string.Join(" -> ", cycle.Append(cycle[0]).Select(i => resources[i].Name));
            yield return new ModelProblem(resources[cycle[0]].Name,
                $"Resources depend on each other in a cycle: {path}, so none of them could start first. " +
                "Remove one of the WaitFor or WithReference calls in the cycle.");
        }

        if (search.Exhausted && search.Cycles.Count > 0)
        {
            yield return new ModelProblem(resources[search.Cycles[^1][0]].Name,
                $"The model may have more dependency cycles than the {search.Cycles.Count} reported; fix these and validate again.");
        }
        else if (search.Exhausted && Unsortable(edges) is { Count: > 0 } tangled)
        {
            yield return new ModelProblem(resources[tangled[0]].Name,
                "Resources depend on each other in cycles among: " + string.Join(", ", tangled.Select(i => resources[i].Name)) +
                ". Remove WaitFor or WithReference calls until one of them can start first.");
        }
    }

    // Kahn's algorithm: whatever cannot be ordered lies on or behind a cycle. Polynomial, so it
    // still answers when the enumeration above gave up.
    private static List<int> Unsortable(int[][] edges)
    {
        var pending = edges.Select(e => e.Length).ToArray();
        var dependents = edges.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < edges.Length; i++)
        {
            foreach (var d in edges[i])
            {
                dependents[d].Add(i);
            }
        }

        var ready = new Queue<int>(Enumerable.Range(0, edges.Length).Where(i => pending[i] == 0));
        while (ready.TryDequeue(out var node))
        {
            foreach (var dependent in dependents[node])
            {
                if (--pending[dependent] == 0)
                {
                    ready.Enqueue(dependent);
                }
            }
        }

        return Enumerable.Range(0, edges.Length).Where(i => pending[i] > 0).ToList();
    }

    /// <summary>Enumerates elementary cycles rooted at their lowest index (a simple rooted search; models are small).</summary>
    private sealed class CycleSearch(int[][] edges)
    {
        private readonly List<int> _path = [];
        private readonly bool[] _onPath = new bool[edges.Length];
        private int _steps;

        public List<int[]> Cycles { get; } = [];

        public bool Exhausted { get; private set; }

        public void FindCyclesThrough(int start)
        {
            _path.Clear();
            Visit(start, start);
        }

        private void Visit(int node, int start)
        {
            _path.Add(node);
            _onPath[node] = true;
            foreach (var next in edges[node])
            {
                if (Exhausted)
                {
                    break;
                }

                if (++_steps > MaxSearchSteps)
                {
                    Exhausted = true;
                    break;
                }

                if (next == start)
                {
                    Cycles.Add([.. _path]);
                    Exhausted = Cycles.Count >= MaxReportedCycles;
                }
                else if (next > start && !_onPath[next])
                {
                    Visit(next, start);
                }
            }

            _onPath[node] = false;
            _path.RemoveAt(_path.Count - 1);
        }
    }
}
