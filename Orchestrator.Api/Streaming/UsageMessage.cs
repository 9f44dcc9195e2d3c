using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Orchestrator.Api.Streaming;

/// <summary>CPU and memory of every running replica (that the filter takes), sent periodically.</summary>
public sealed record UsageMessage(DateTimeOffset Timestamp, ImmutableArray<UsageEntry> Replicas)
{
    /// <summary>Always <c>usage</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type => StreamMessageTypes.Usage;
}
