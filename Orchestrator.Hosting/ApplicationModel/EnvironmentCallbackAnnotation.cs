namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>Environment computed at launch, when ports and secrets are known. Not part of the manifest.</summary>
public sealed record EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> Callback) : IResourceAnnotation;
