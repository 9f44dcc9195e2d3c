namespace Orchestrator.Api.Launch;

/// <summary>How one resource's part of a launch ended; its dependents wait for it.</summary>
internal enum ResourceLaunchOutcome
{
    Started,
    Failed,
    Blocked,
    Cancelled,
}
