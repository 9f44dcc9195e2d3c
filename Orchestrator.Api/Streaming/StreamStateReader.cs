using System.Collections.Immutable;
using Orchestrator.Api.Healing;
using Orchestrator.Api.Launch;
using Orchestrator.Api.Monitoring;
using Orchestrator.Api.Registration;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Streaming;

/// <summary>
/// Reads the orchestrator's current state for the stream: snapshots, the model's dependencies and
/// phases, registered services' dependencies, the healer's status and the monitor's CPU and memory. Each part but the snapshots is
/// optional, so that the stream works beside whatever the host registered.
/// </summary>
internal sealed class StreamStateReader(
    ResourceNotificationService notifications,
    TimeProvider timeProvider,
    DistributedApplicationModel? model = null,
    Healer? healer = null,
    HealthMonitor? monitor = null,
    IDistributedApplicationRuntime? runtime = null,
    IExternalServiceRegistry? registry = null)
{
    public DateTimeOffset Now => timeProvider.GetUtcNow();

    /// <summary>Every resource the filter takes, in model order (registered ones after, by name).</summary>
    public ImmutableArray<StreamResource> GetResources(StreamFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = Now;
        var reports = GetReports();
        var plan = (runtime as OrchestratorRuntime)?.Plan;
        return [.. notifications.GetSnapshots()
            .Where(s => filter.AcceptsResource(s.ResourceName))
            .GroupBy(s => s.ResourceName, StringComparer.Ordinal)
            .OrderBy(g => ModelOrder(g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var snapshots = g.OrderBy(s => s.ReplicaIndex).ToList();
                var resource = model?.Find(g.Key);
                return StreamShapes.Resource(
                    snapshots,
                    [.. snapshots.Select(s => StreamShapes.Replica(s, now, reports.GetValueOrDefault(s.ReplicaName)))],
                    healer?.GetStatus(g.Key),
                    DependenciesOf(g.Key, resource),
                    plan?.Find(g.Key)?.Phase);
            })];
    }

    /// <summary>One replica as a <c>replica</c> message shows it.</summary>
    public StreamReplica GetReplica(ResourceSnapshot snapshot) =>
        StreamShapes.Replica(snapshot, Now, monitor?.GetReplicaHealth(snapshot.ReplicaName));

    /// <summary>CPU and memory of every monitored replica the filter takes.</summary>
    public UsageMessage GetUsage(StreamFilter filter) =>
        StreamShapes.Usage(Now, monitor?.GetReplicaHealthReports() ?? [], filter);

    /// <summary>The replicas of a resource, by index; empty when there is no such resource.</summary>
    public IReadOnlyList<ResourceSnapshot> GetReplicas(string resource) => notifications.GetSnapshots(resource);

    private ImmutableArray<string> DependenciesOf(string name, IResource? resource) =>
        resource is not null
            ? [.. resource.GetDependencies().Select(d => d.Name).Distinct(StringComparer.Ordinal)]
            : [.. registry?.GetRegistrations().FirstOrDefault(r => r.Name == name)?.Dependencies ?? []];

    private Dictionary<string, ReplicaHealthReport> GetReports() =>
        monitor?.GetReplicaHealthReports().ToDictionary(r => r.ReplicaName, StringComparer.Ordinal) ?? [];

    private int ModelOrder(string resource)
    {
        if (model is null)
        {
            return int.MaxValue;
        }

        var index = model.Resources.ToList().FindIndex(r => r.Name == resource);
        return index < 0 ? int.MaxValue : index;
    }
}
