using Orchestrator.Hosting.Orchestration;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Api.Streaming;

/// <summary>The replicas' processes as the <see cref="ResourceExecutor"/> runs them.</summary>
internal sealed class ExecutorReplicaLogSource(ResourceExecutor executor) : IReplicaLogSource
{
    public IProcessHandle? GetProcess(string replicaName) => executor.GetProcess(replicaName);
}
