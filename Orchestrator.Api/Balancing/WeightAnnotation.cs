using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Balancing;

/// <summary>The weight of each of the resource's replicas in weighted balancing (1 without it).</summary>
public sealed record WeightAnnotation(int Weight) : IResourceAnnotation;
