namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>Arguments appended to the resource's command line, in order.</summary>
public sealed record CommandLineArgsAnnotation(IReadOnlyList<string> Args) : IResourceAnnotation;
