using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Orchestrator.Api.Events;

/// <summary>The one JSON shape of <see cref="OrchestratorEvent"/>s: camelCase, enums as names, a <c>type</c> discriminator.</summary>
public static class OrchestratorEventJson
{
    /// <summary>The serializer options (read-only) for events; clients may write <c>type</c> anywhere in the object.</summary>
    public static JsonSerializerOptions Options => OrchestratorEventJsonContext.Default.Options;

    /// <summary>The metadata of events, polymorphic on <c>type</c>.</summary>
    public static JsonTypeInfo<OrchestratorEvent> TypeInfo => OrchestratorEventJsonContext.Default.OrchestratorEvent;

    /// <summary>The event as JSON, with its <c>type</c>.</summary>
    public static string Serialize(OrchestratorEvent orchestratorEvent)
    {
        ArgumentNullException.ThrowIfNull(orchestratorEvent);
        return JsonSerializer.Serialize(orchestratorEvent, TypeInfo);
    }

    /// <summary>The event that <paramref name="json"/> describes, by its <c>type</c>.</summary>
    /// <exception cref="JsonException">The JSON is not an event, or its type is unknown.</exception>
    public static OrchestratorEvent Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, TypeInfo)
            ?? throw new JsonException("The JSON is null, not an orchestrator event.");
    }
}
