using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Api.Http;

/// <summary>The API's JSON: camelCase, enums by name, nulls omitted; requests read strictly (a number is a number).</summary>
internal static class ApiJson
{
    /// <summary>How request bodies are read: a string where a number belongs is an error, not a guess.</summary>
    public static JsonSerializerOptions Requests { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
    });

    /// <summary>Applies the API's conventions to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
