using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Drivers;

/// <summary>
/// A driver that prepares all its resources at once before the launch (builds every project in one
/// build), so that the work is shared, runs in parallel, and does not count against start timeouts.
/// </summary>
public interface IBatchPreparingDriver : IResourceDriver
{
    /// <summary>Prepares every resource in <paramref name="resources"/> (all of which this driver runs).</summary>
    Task PrepareAllAsync(IReadOnlyList<IResource> resources, ResourceRuntimeContext runtime, CancellationToken cancellationToken);
}
