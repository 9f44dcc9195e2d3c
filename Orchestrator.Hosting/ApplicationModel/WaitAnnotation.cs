namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>The resource starts only once <see cref="Target"/> is healthy, or has completed.</summary>
public sealed record WaitAnnotation(IResource Target, WaitType WaitType, int ExitCode = 0) : IResourceAnnotation;
