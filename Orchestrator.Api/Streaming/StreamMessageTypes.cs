using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;
using Orchestrator.Api.Events;

namespace Orchestrator.Api.Streaming;

/// <summary>The <c>type</c> of every message the stream sends, and which of them a client may filter on.</summary>
public static class StreamMessageTypes
{
    /// <summary>The state of every resource, first on every connection.</summary>
    public const string Snapshot = "snapshot";

    /// <summary>A replica's snapshot changed.</summary>
    public const string Replica = "replica";

    /// <summary>CPU and memory of every running replica, periodically.</summary>
    public const string Usage = "usage";

    /// <summary>One output line of a replica whose logs the client subscribed to.</summary>
    public const string Log = "log";

    /// <summary>The client sent something the stream cannot act on.</summary>
    public const string Error = "error";

    /// <summary>
    /// The types a client may name in <c>types</c>: every <see cref="OrchestratorEvent"/> discriminator
    /// (read from the event's own attributes, so a new event is filterable at once), plus
    /// <see cref="Replica"/> and <see cref="Usage"/>. The snapshot, logs and errors are always sent.
    /// </summary>
    public static FrozenSet<string> Filterable { get; } = typeof(OrchestratorEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .Select(a => (string)a.TypeDiscriminator!)
        .Append(Replica)
        .Append(Usage)
        .ToFrozenSet(StringComparer.Ordinal);
}
