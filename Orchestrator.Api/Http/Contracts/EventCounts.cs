namespace Orchestrator.Api.Http.Contracts;

/// <summary>Events published on the orchestrator's stream, and stream clients closed for falling behind.</summary>
public sealed record EventCounts(long Published, long Dropped);
