namespace Orchestrator.Api.Http.Contracts;

/// <summary>The launch graph: phases, nodes and edges (from the dependent to its dependency).</summary>
public sealed record DependencyGraph(IReadOnlyList<PhaseEntry> Phases, IReadOnlyList<DependencyNode> Nodes, IReadOnlyList<DependencyEdge> Edges);
