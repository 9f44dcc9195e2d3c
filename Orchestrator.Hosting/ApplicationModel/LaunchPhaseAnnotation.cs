namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>
/// Where the resource stands in the launch. <see cref="Phase"/> pins it to a phase (it must come after
/// every dependency's phase); <see cref="Priority"/> orders resources inside a phase (lower first).
/// </summary>
public sealed record LaunchPhaseAnnotation(int? Phase = null, int Priority = 0) : IResourceAnnotation;
