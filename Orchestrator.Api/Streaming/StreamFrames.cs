using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Orchestrator.Api.Events;

namespace Orchestrator.Api.Streaming;

/// <summary>Turns the stream's messages into frames: the JSON shape of the API (camelCase, enums as names, no nulls).</summary>
internal static class StreamFrames
{
    // The generated metadata's own list of derived types: the same discriminators the JSON carries, no reflection.
    private static readonly FrozenDictionary<Type, string> EventTypes = OrchestratorEventJson.TypeInfo.PolymorphismOptions!.DerivedTypes
        .ToFrozenDictionary(d => d.DerivedType, d => (string)d.TypeDiscriminator!);

    public static StreamFrame Event(OrchestratorEvent orchestratorEvent)
    {
        ArgumentNullException.ThrowIfNull(orchestratorEvent);
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(orchestratorEvent, OrchestratorEventJson.TypeInfo);
        return new StreamFrame(EventType(orchestratorEvent), orchestratorEvent.Resource, utf8);
    }

    public static StreamFrame Snapshot(SnapshotMessage message) => Create(StreamMessageTypes.Snapshot, null, message, Json.SnapshotMessage);

    public static StreamFrame Replica(StreamReplica replica) => Create(StreamMessageTypes.Replica, replica.Resource, new ReplicaMessage(replica), Json.ReplicaMessage);

    public static StreamFrame Usage(UsageMessage message) => Create(StreamMessageTypes.Usage, null, message, Json.UsageMessage);

    public static StreamFrame Log(LogMessage message) => Create(StreamMessageTypes.Log, message.Resource, message, Json.LogMessage);

    public static StreamFrame Error(string message) => Create(StreamMessageTypes.Error, null, new ErrorMessage(message), Json.ErrorMessage);

    /// <summary>The event's <c>type</c> discriminator (<c>resource.state</c>).</summary>
    public static string EventType(OrchestratorEvent orchestratorEvent) =>
        EventTypes.TryGetValue(orchestratorEvent.GetType(), out var type)
            ? type
            : throw new InvalidOperationException($"{orchestratorEvent.GetType().Name} has no type discriminator on OrchestratorEvent.");

    private static OrchestratorEventJsonContext Json => OrchestratorEventJsonContext.Default;

    private static StreamFrame Create<T>(string type, string? resource, T message, JsonTypeInfo<T> typeInfo) =>
        new(type, resource, JsonSerializer.SerializeToUtf8Bytes(message, typeInfo));
}
