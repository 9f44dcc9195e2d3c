using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Healing;

/// <summary>
/// Reads from the snapshots whether a resource's dependencies are up, so that a dependent of a dead
/// database waits for it instead of burning its ladder on restarts that cannot work.
/// </summary>
internal sealed class DependencyHealth(DistributedApplicationModel model, ResourceNotificationService notifications)
{
    /// <summary>
    /// The first dependency of <paramref name="resource"/> that is down, looking through the dependencies'
    /// own dependencies first (a database has no process: when its server dies, the server is the one to
    /// name); null when all are up. A dependency waited for with <c>WaitForCompletion</c> is done, never down.
    /// </summary>
    public string? FindDown(IResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return FindDown(resource, new HashSet<string>(StringComparer.Ordinal) { resource.Name });
    }

    /// <summary>The dependencies of <paramref name="resource"/> that are restarted before it (completion waits aside), in declaration order.</summary>
    public IReadOnlyList<IResource> DirectDependencies(IResource resource) =>
        resource.GetDependencies().Where(d => !WaitsForCompletion(resource, d)).Select(d => model.Find(d.Name) ?? d).ToList();

    /// <summary>True when some replica of <paramref name="resource"/> runs and is not unhealthy (or it has no snapshot at all).</summary>
    public bool IsUp(IResource resource)
    {
        var snapshots = notifications.GetSnapshots(resource.Name);
        return snapshots.Count == 0 || snapshots.Any(s => s.State == KnownResourceState.Running && s.Health != HealthStatus.Unhealthy);
    }

    private string? FindDown(IResource resource, HashSet<string> visited)
    {
        foreach (var dependency in DirectDependencies(resource))
        {
            if (!visited.Add(dependency.Name))
            {
                continue;
            }

            if (FindDown(dependency, visited) is { } deeper)
            {
                return deeper;
            }

            if (!IsUp(dependency))
            {
                return dependency.Name;
            }
        }

        return null;
    }

    private static bool WaitsForCompletion(IResource resource, IResource dependency) =>
        resource.Annotations.OfType<WaitAnnotation>().Any(w => w.Target.Name == dependency.Name && w.WaitType == WaitType.WaitForCompletion);
}
