using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Http;

/// <summary>How bad replica states and health are, so that a resource shows its worst replica.</summary>
internal static class ResourceStates
{
    // Worst first: what needs a person most comes first.
    private static readonly KnownResourceState[] WorstFirst =
    [
        KnownResourceState.Quarantined,
        KnownResourceState.FailedToStart,
        KnownResourceState.RuntimeUnhealthy,
        KnownResourceState.Exited,
        KnownResourceState.Blocked,
        KnownResourceState.Stopping,
        KnownResourceState.Starting,
        KnownResourceState.Waiting,
        KnownResourceState.NotStarted,
        KnownResourceState.Finished,
        KnownResourceState.Running,
    ];

    public static KnownResourceState Worst(IEnumerable<ResourceSnapshot> snapshots) =>
        snapshots.Select(s => s.State).OrderBy(s => Array.IndexOf(WorstFirst, s)).DefaultIfEmpty(KnownResourceState.NotStarted).First();

    public static HealthStatus? WorstHealth(IEnumerable<ResourceSnapshot> snapshots) =>
        snapshots.Where(s => s.Health is not null).Select(s => s.Health!.Value).OrderBy(h => h).Cast<HealthStatus?>().FirstOrDefault();

    /// <summary>True when the replica takes traffic: running and not reported unhealthy.</summary>
    public static bool IsHealthy(ResourceSnapshot snapshot) =>
        snapshot.State == KnownResourceState.Running && snapshot.Health is null or HealthStatus.Healthy;

    /// <summary>True when a stop was asked for (an operator's or the shutdown's): no failure.</summary>
    public static bool WasStopped(ResourceSnapshot snapshot) =>
        snapshot.State is KnownResourceState.Exited or KnownResourceState.Finished && snapshot.StateReason == ResourceExecutor.StoppedReason;
}
