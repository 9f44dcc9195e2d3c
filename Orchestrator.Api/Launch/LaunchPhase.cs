using System.Collections.Immutable;

namespace Orchestrator.Api.Launch;

/// <summary>A group of resources that start together once every earlier phase has finished.</summary>
/// <param name="Number">The phase number: 0 is infrastructure; later phases count up from 1 without gaps.</param>
/// <param name="IsSerial">True when its resources start one after the other, in order (phase 0).</param>
/// <param name="Resources">Its resources in start order: dependencies first, then priority, then declaration order.</param>
public sealed record LaunchPhase(int Number, bool IsSerial, ImmutableArray<PlannedResource> Resources);
