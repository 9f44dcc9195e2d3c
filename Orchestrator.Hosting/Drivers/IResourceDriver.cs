using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Drivers;

/// <summary>
/// Knows how to run one kind of resource: what to prepare once (build a project, initdb), which
/// process each replica runs, how to tell it is healthy, and what to do once it is (create databases).
/// </summary>
public interface IResourceDriver
{
    /// <summary>True when this driver runs <paramref name="resource"/>.</summary>
    bool CanRun(IResource resource);

    /// <summary>Work done once per launch before any replica starts.</summary>
    Task PrepareAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken);

    /// <summary>The replica's process, or null for a resource without one (a database inside its server).</summary>
    ProcessSpec? CreateProcessSpec(ReplicaContext replica);

    /// <summary>The probe that tells the replica is ready, or null when running is enough.</summary>
    IHealthProbe? CreateHealthProbe(ReplicaContext replica);

    /// <summary>Work done once the resource's replicas are healthy (for example: create its databases).</summary>
    Task OnHealthyAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken);
}
