using System.Collections.Immutable;

namespace Orchestrator.Api.Launch;

/// <summary>How a launch that did not fail ended: what runs, and what the launch went on without.</summary>
/// <param name="Started">The resources that started (healthy, or running when they have no health check), in plan order.</param>
/// <param name="Degraded">The optional resources that failed to start, with their reasons.</param>
/// <param name="Blocked">The resources never started because a dependency failed or was blocked, with the reason.</param>
/// <param name="Deferred">The explicit-start resources and those that wait for one; they start by command.</param>
/// <param name="Durations">How long each attempted start took, by resource name (started and failed alike).</param>
/// <param name="Elapsed">How long the whole launch took.</param>
public sealed record LaunchResult(
    ImmutableArray<string> Started,
    ImmutableArray<ResourceLaunchProblem> Degraded,
    ImmutableArray<ResourceLaunchProblem> Blocked,
    ImmutableArray<string> Deferred,
    ImmutableDictionary<string, TimeSpan> Durations,
    TimeSpan Elapsed)
{
    /// <summary>True when some resource the launch would have started is not running.</summary>
    public bool IsDegraded => !Degraded.IsEmpty || !Blocked.IsEmpty;
}
