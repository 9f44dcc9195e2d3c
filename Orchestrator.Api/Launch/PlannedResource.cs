using System.Collections.Immutable;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Launch;

/// <summary>One resource's place in a <see cref="LaunchPlan"/> and what its start needs.</summary>
/// <param name="Resource">The resource the executor starts.</param>
/// <param name="Phase">The phase it starts in.</param>
/// <param name="Priority">Its order inside the phase (lower first; declaration order breaks ties).</param>
/// <param name="StartTimeout">How long it may take from start to healthy.</param>
/// <param name="IsOptional">True when its failure degrades the launch instead of stopping it.</param>
/// <param name="IsExplicitStart">True when it is started by a command, never by the launch.</param>
/// <param name="Dependencies">What must be healthy (or completed) before it starts, in declaration order.</param>
/// <param name="BlockedUntilStarted">
/// The explicit-start resources it depends on, directly or through others. While any of them has not been
/// started by command, this resource cannot start either, so the launch leaves it waiting.
/// </param>
public sealed record PlannedResource(
    IResource Resource,
    int Phase,
    int Priority,
    TimeSpan StartTimeout,
    bool IsOptional,
    bool IsExplicitStart,
    ImmutableArray<PlannedDependency> Dependencies,
    ImmutableArray<string> BlockedUntilStarted)
{
    /// <summary>The resource's name.</summary>
    public string Name => Resource.Name;

    /// <summary>True when the launch starts it: it is neither explicit-start nor waiting for one.</summary>
    public bool IsAutoStarted => !IsExplicitStart && BlockedUntilStarted.IsEmpty;
}
