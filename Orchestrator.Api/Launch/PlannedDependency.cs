using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Launch;

/// <summary>One thing a planned resource needs before it starts.</summary>
/// <param name="Name">The dependency's resource name.</param>
/// <param name="WaitType">Whether the dependency must be healthy or must have run to completion.</param>
/// <param name="ExpectedExitCode">The exit code that counts as success when <see cref="WaitType"/> is <see cref="WaitType.WaitForCompletion"/>.</param>
public sealed record PlannedDependency(string Name, WaitType WaitType, int ExpectedExitCode = 0)
{
    /// <summary>True when the dependent waits for the dependency to exit, not just to be healthy.</summary>
    public bool WaitsForCompletion => WaitType == WaitType.WaitForCompletion;
}
