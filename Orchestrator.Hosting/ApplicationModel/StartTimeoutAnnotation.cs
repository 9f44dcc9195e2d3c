namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>How long the resource may take from start to healthy before the launch counts it failed.</summary>
public sealed record StartTimeoutAnnotation(TimeSpan Timeout) : IResourceAnnotation;
