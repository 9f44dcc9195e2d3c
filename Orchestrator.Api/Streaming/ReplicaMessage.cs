using System.Text.Json.Serialization;

namespace Orchestrator.Api.Streaming;

/// <summary>A replica's snapshot changed (state, health, pid, restarts, circuit).</summary>
public sealed record ReplicaMessage(StreamReplica Snapshot)
{
    /// <summary>Always <c>replica</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type => StreamMessageTypes.Replica;
}
