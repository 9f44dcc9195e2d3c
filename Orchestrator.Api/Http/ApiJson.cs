using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Orchestrator.Api.Http;

/// <summary>The API's JSON: camelCase, enums by name, nulls omitted; requests read strictly (a number is a number).</summary>
internal static class ApiJson
{
    /// <summary>How request bodies are read: a string where a number belongs is an error, not a guess.</summary>
    public static JsonSerializerOptions Requests { get; } = CreateRequestOptions();

    /// <summary>
    /// Applies the API's conventions to <paramref name="options"/>: the generated <see cref="ApiJsonContext"/> comes
    /// first and the reflection resolver goes; the framework's own generated contexts (problem details, OpenAPI) stay.
    /// </summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        var chain = options.TypeInfoResolverChain;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            if (chain[i] is DefaultJsonTypeInfoResolver)
            {
                chain.RemoveAt(i);
            }
        }

        chain.Insert(0, ApiJsonContext.Default);
        return options;
    }

    /// <summary>The metadata of <typeparamref name="T"/> for reading requests.</summary>
    public static JsonTypeInfo<T> RequestTypeInfo<T>() => (JsonTypeInfo<T>)Requests.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateRequestOptions()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.Strict });
        options.MakeReadOnly();
        return options;
    }
}
