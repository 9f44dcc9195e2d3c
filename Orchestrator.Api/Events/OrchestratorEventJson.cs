using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Api.Events;

/// <summary>The one JSON shape of <see cref="OrchestratorEvent"/>s: camelCase, enums as names, a <c>type</c> discriminator.</summary>
public static class OrchestratorEventJson
{
    /// <summary>The serializer options (read-only) for events.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The event as JSON, with its <c>type</c>.</summary>
    public static string Serialize(OrchestratorEvent orchestratorEvent)
    {
        ArgumentNullException.ThrowIfNull(orchestratorEvent);
        return JsonSerializer.Serialize(orchestratorEvent, Options);
    }

    /// <summary>The event that <paramref name="json"/> describes, by its <c>type</c>.</summary>
    /// <exception cref="JsonException">The JSON is not an event, or its type is unknown.</exception>
    public static OrchestratorEvent Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<OrchestratorEvent>(json, Options)
            ?? throw new JsonException("The JSON is null, not an orchestrator event.");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Clients may write "type" anywhere in the object, not only first.
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
