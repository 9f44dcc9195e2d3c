namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>The resource is not started with the others; a user starts it by command.</summary>
public sealed record ExplicitStartAnnotation : IResourceAnnotation;
