using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Api.Streaming;

namespace Orchestrator.Api.Events;

/// <summary>
/// The JSON metadata of events and of the stream's other messages, generated at compile time so that a Native AOT
/// AppHost streams exactly what a JIT one does.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true, AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(OrchestratorEvent))]
[JsonSerializable(typeof(SnapshotMessage))]
[JsonSerializable(typeof(ReplicaMessage))]
[JsonSerializable(typeof(UsageMessage))]
[JsonSerializable(typeof(LogMessage))]
[JsonSerializable(typeof(ErrorMessage))]
internal sealed partial class OrchestratorEventJsonContext : JsonSerializerContext;
