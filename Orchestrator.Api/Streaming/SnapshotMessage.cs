using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Orchestrator.Api.Streaming;

/// <summary>The first message on every connection: every resource (that the filter takes) as it is now.</summary>
public sealed record SnapshotMessage(DateTimeOffset Timestamp, ImmutableArray<StreamResource> Resources)
{
    /// <summary>Always <c>snapshot</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type => StreamMessageTypes.Snapshot;
}
