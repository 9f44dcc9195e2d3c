using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Drivers;

/// <summary>One replica about to start: its resource, index, name and endpoints.</summary>
public sealed record ReplicaContext(IResource Resource, int Index, ResourceRuntimeContext Runtime)
{
    public string ReplicaName => Resource.GetReplicaName(Index);

    public IReadOnlyList<AllocatedEndpoint> Endpoints => Runtime.GetEndpoints(Resource, Index);
}
