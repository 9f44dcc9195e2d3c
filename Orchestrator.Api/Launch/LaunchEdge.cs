using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Launch;

/// <summary>One edge of the launch graph: <paramref name="Dependent"/> starts after <paramref name="Dependency"/>.</summary>
/// <param name="Dependent">The resource that waits.</param>
/// <param name="Dependency">The resource it waits for.</param>
/// <param name="WaitType">Whether it waits for health or for completion.</param>
public sealed record LaunchEdge(string Dependent, string Dependency, WaitType WaitType);
