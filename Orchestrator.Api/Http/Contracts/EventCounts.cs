namespace Orchestrator.Api.Http.Contracts;

/// <summary>Events published on the orchestrator's stream, and those lost by slow subscribers.</summary>
public sealed record EventCounts(long Published, long Dropped);
