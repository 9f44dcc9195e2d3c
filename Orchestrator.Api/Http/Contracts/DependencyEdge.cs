namespace Orchestrator.Api.Http.Contracts;

/// <summary>One edge: <c>from</c> depends on <c>to</c>; kind is <c>waitFor</c>, <c>waitForCompletion</c> or <c>reference</c>.</summary>
public sealed record DependencyEdge(string From, string To, string Kind);
