namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>How many replicas of the resource run, each its own process with its own ports.</summary>
public sealed record ReplicaAnnotation(int Replicas) : IResourceAnnotation;
