namespace Orchestrator.Api.Http.Contracts;

/// <summary>One launch phase and its resources in start order.</summary>
public sealed record PhaseEntry(int Index, IReadOnlyList<string> Resources);
