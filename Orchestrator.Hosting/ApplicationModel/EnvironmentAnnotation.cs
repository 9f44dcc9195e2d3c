namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>A fixed environment variable for every replica of a resource.</summary>
public sealed record EnvironmentAnnotation(string Name, string Value) : IResourceAnnotation;
