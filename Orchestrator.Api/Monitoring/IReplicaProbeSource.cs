using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Monitoring;

/// <summary>Gives the health monitor the probes and check timing of a replica that has just started running.</summary>
public interface IReplicaProbeSource
{
    /// <summary>Fresh probes for the run of the replica that <paramref name="snapshot"/> describes.</summary>
    /// <exception cref="InvalidOperationException">The replica's resource is unknown, or its checks cannot be built (a missing endpoint).</exception>
    ReplicaProbeSet GetProbes(ResourceSnapshot snapshot);
}
