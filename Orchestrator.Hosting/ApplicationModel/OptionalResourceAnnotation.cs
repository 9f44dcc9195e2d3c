namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>The launch goes on when this resource fails; its dependents are reported as blocked.</summary>
public sealed record OptionalResourceAnnotation : IResourceAnnotation;
