using System.Collections.Immutable;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Validation;

namespace Orchestrator.Api.Launch;

/// <summary>
/// Turns a model into a <see cref="LaunchPlan"/>: pure, no processes, no clock.
/// </summary>
/// <remarks>
/// <para>Phases: a resource pinned with <see cref="LaunchPhaseAnnotation.Phase"/> (<c>AddPostgres</c>,
/// <c>AddDatabase</c> and <c>AddRedis</c> pin to 0) goes to that phase; any other resource goes to one
/// past its latest dependency, and at least to 1, so phase 0 holds only infrastructure.</para>
/// <para>A pin may raise a resource above its computed phase but never put it at or before a dependency's
/// phase. Phase 0 is the exception: it starts serially in dependency order, so a database may share it with
/// its server.</para>
/// <para>Numbers are made dense after that: phase 0 keeps its number, the other phases are renumbered 1..n
/// in order. A pin therefore fixes a resource's order relative to the others, not its final number.</para>
/// <para>Inside a phase: dependencies first, then lower <see cref="LaunchPhaseAnnotation.Priority"/>, then
/// declaration order.</para>
/// </remarks>
public static class LaunchPlanner
{
    /// <summary>The launch plan of <paramref name="model"/>.</summary>
    /// <exception cref="DistributedApplicationValidationException">
    /// A dependency is missing, dependencies form a cycle, or a pinned phase contradicts a dependency; the message names the resources.
    /// </exception>
    public static LaunchPlan Plan(DistributedApplicationModel model, LaunchOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);

        var problems = new List<ModelProblem>();
        var byName = IndexByName(model, problems);
        var resources = model.Resources.DistinctBy(r => r.Name).ToList();
        var declared = resources.Select((r, i) => (r.Name, Index: i)).ToDictionary(p => p.Name, p => p.Index, StringComparer.Ordinal);
        var dependencies = resources.ToDictionary(r => r.Name, r => ResolveDependencies(r, byName, problems), StringComparer.Ordinal);
        IReadOnlyList<IResource> DependenciesOf(IResource r) => dependencies[r.Name];

        var (order, unplaced) = DependencyOrder.Sort(resources, DependenciesOf, r => (declared[r.Name], 0));
        if (unplaced.Count > 0)
        {
            problems.Add(DescribeCycle(DependencyOrder.FindCycle(unplaced, DependenciesOf)));
        }

        ThrowIfAny(problems);

        var phases = AssignPhases(order, DependenciesOf, problems);
        foreach (var resource in order)
        {
            CheckStartTimeout(resource, problems);
        }

        ThrowIfAny(problems);

        var blockedUntilStarted = FindExplicitStartBlockers(order, DependenciesOf);
        var numbers = Densify(phases.Values);
        var planned = order.ToDictionary(
            r => r.Name,
            r => new PlannedResource(
                r,
                numbers[phases[r.Name]],
                GetPriority(r),
                r.Annotations.LastOfType<StartTimeoutAnnotation>()?.Timeout ?? options.StartTimeout,
                r.IsOptional(),
                r.IsExplicitStart(),
                [.. DependenciesOf(r).Select(d => DescribeDependency(r, d))],
                blockedUntilStarted[r.Name]),
            StringComparer.Ordinal);

        return new LaunchPlan([.. planned.Values.GroupBy(p => p.Phase).OrderBy(g => g.Key).Select(phase =>
        {
            // Dependencies inside a phase (only phase 0 has them) come first, then priority, then declaration order.
            var inStartOrder = DependencyOrder.Sort(phase.Select(p => p.Resource).ToList(), DependenciesOf, r => (GetPriority(r), declared[r.Name])).Order;
            return new LaunchPhase(phase.Key, IsSerial: phase.Key == 0, [.. inStartOrder.Select(r => planned[r.Name])]);
        })]);
    }

    private static ModelProblem DescribeCycle(IReadOnlyList<string> cycle) =>
        new(cycle[0], cycle.Count == 2
            ? $"Resource '{cycle[0]}' waits for itself, so it can never start. Remove the WaitFor/WithReference that names it."
            : $"Resources {string.Join(" -> ", cycle.Select(n => $"'{n}'"))} wait for each other, so none of them can start. Remove one of these dependencies.");

    private static Dictionary<string, IResource> IndexByName(DistributedApplicationModel model, List<ModelProblem> problems)
    {
        var byName = new Dictionary<string, IResource>(StringComparer.Ordinal);
        foreach (var resource in model.Resources)
        {
            if (!byName.TryAdd(resource.Name, resource))
            {
                problems.Add(new ModelProblem(resource.Name,
                    $"Two resources are named '{resource.Name}'. Give each resource its own name."));
            }
        }

        return byName;
    }

    private static List<IResource> ResolveDependencies(IResource resource, Dictionary<string, IResource> byName, List<ModelProblem> problems)
    {
        var resolved = new List<IResource>();
        foreach (var dependency in resource.GetDependencies())
        {
            if (byName.TryGetValue(dependency.Name, out var inModel))
            {
                resolved.Add(inModel);
            }
            else
            {
                problems.Add(new ModelProblem(resource.Name,
                    $"Resource '{resource.Name}' depends on '{dependency.Name}', which is not in the model. Add '{dependency.Name}' to the model or remove the dependency."));
            }
        }

        return resolved;
    }

    private static Dictionary<string, int> AssignPhases(
        IReadOnlyList<IResource> order, Func<IResource, IReadOnlyList<IResource>> dependenciesOf, List<ModelProblem> problems)
    {
        var phases = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var resource in order)
        {
            var dependencies = dependenciesOf(resource);
            var computed = Math.Max(1, dependencies.Select(d => phases[d.Name] + 1).DefaultIfEmpty(1).Max());
            var pinned = GetPinnedPhase(resource);
            phases[resource.Name] = pinned ?? computed;
            if (pinned is null)
            {
                continue;
            }

            if (pinned < 0)
            {
                problems.Add(new ModelProblem(resource.Name,
                    $"Resource '{resource.Name}' is pinned to launch phase {pinned}, but phases start at 0. Pin it to phase 0 or later."));
                continue;
            }

            // Phase 0 starts one resource after the other in dependency order, so sharing it with a dependency is safe.
            foreach (var dependency in dependencies.Where(d => phases[d.Name] > pinned || (phases[d.Name] == pinned && pinned != 0)))
            {
                problems.Add(new ModelProblem(resource.Name,
                    $"Resource '{resource.Name}' is pinned to launch phase {pinned}, but it depends on '{dependency.Name}', which launches in phase {phases[dependency.Name]}. " +
                    $"Pin '{resource.Name}' to phase {phases[dependency.Name] + 1} or later, or remove its dependency on '{dependency.Name}'."));
            }
        }

        return phases;
    }

    private static void CheckStartTimeout(IResource resource, List<ModelProblem> problems)
    {
        var timeout = resource.Annotations.LastOfType<StartTimeoutAnnotation>()?.Timeout;
        if (timeout is { } t && t <= TimeSpan.Zero && t != Timeout.InfiniteTimeSpan)
        {
            problems.Add(new ModelProblem(resource.Name,
                $"Resource '{resource.Name}' has a start timeout of {t}; give WithStartTimeout a positive duration."));
        }
    }

    private static Dictionary<string, ImmutableArray<string>> FindExplicitStartBlockers(
        IReadOnlyList<IResource> order, Func<IResource, IReadOnlyList<IResource>> dependenciesOf)
    {
        var blockers = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var resource in order)
        {
            blockers[resource.Name] = [.. dependenciesOf(resource)
                .SelectMany(d => d.IsExplicitStart() ? blockers[d.Name].Prepend(d.Name) : blockers[d.Name])
                .Distinct(StringComparer.Ordinal)];
        }

        return blockers;
    }

    // Phase 0 keeps its number; the others close ranks as 1..n so the plan has no gaps.
    private static Dictionary<int, int> Densify(IEnumerable<int> phases)
    {
        var map = new Dictionary<int, int>();
        var next = 1;
        foreach (var phase in phases.Distinct().Order())
        {
            map[phase] = phase == 0 ? 0 : next++;
        }

        return map;
    }

    private static PlannedDependency DescribeDependency(IResource resource, IResource dependency) =>
        resource.Annotations.OfType<WaitAnnotation>()
            .LastOrDefault(w => w.Target.Name == dependency.Name && w.WaitType == WaitType.WaitForCompletion) is { } completion
            ? new PlannedDependency(dependency.Name, WaitType.WaitForCompletion, completion.ExitCode)
            : new PlannedDependency(dependency.Name, WaitType.WaitUntilHealthy);

    // A later WithLaunchPhase(priority: ...) without a phase keeps the phase an earlier call (AddPostgres) pinned.
    private static int? GetPinnedPhase(IResource resource) =>
        resource.Annotations.OfType<LaunchPhaseAnnotation>().LastOrDefault(a => a.Phase is not null)?.Phase;

    private static int GetPriority(IResource resource) =>
        resource.Annotations.LastOfType<LaunchPhaseAnnotation>()?.Priority ?? 0;

    private static void ThrowIfAny(List<ModelProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new DistributedApplicationValidationException(problems);
        }
    }
}
