namespace Orchestrator.Api.Http.Contracts;

/// <summary>One resource in the graph.</summary>
public sealed record DependencyNode(string Name, string Type, int? Phase, string State);
