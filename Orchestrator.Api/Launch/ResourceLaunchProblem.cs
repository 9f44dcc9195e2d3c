namespace Orchestrator.Api.Launch;

/// <summary>A resource the launch went on without, and why.</summary>
/// <param name="ResourceName">The resource.</param>
/// <param name="Reason">Why it did not start (its failure, or the dependency that blocked it).</param>
public sealed record ResourceLaunchProblem(string ResourceName, string Reason);
