using Orchestrator.Hosting.Processes;

namespace Orchestrator.Api.Streaming;

/// <summary>Where the stream finds a replica's current process, whose output lines it forwards.</summary>
public interface IReplicaLogSource
{
    /// <summary>The replica's current process (or the last one that ran), or null when it has none.</summary>
    IProcessHandle? GetProcess(string replicaName);
}
