using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;

namespace Orchestrator.Hosting.Manifest.Converters;

/// <summary>Typed reads of manifest JSON that fail with the JSON path of the offending value.</summary>
internal static class ManifestJson
{
    public static JsonObject AsObject(JsonNode? node, string where) =>
        node as JsonObject ?? throw Invalid(node, where, "an object");

    public static JsonArray AsArray(JsonNode? node, string where) =>
        node as JsonArray ?? throw Invalid(node, where, "an array");

    public static string AsString(JsonNode? node, string where) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw Invalid(node, where, "a string");

    public static int AsInt(JsonNode? node, string where) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number)
            ? number
            : throw Invalid(node, where, "a whole number");

    public static bool AsBool(JsonNode? node, string where) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : throw Invalid(node, where, "true or false");

    public static string RequiredString(JsonObject owner, string property) =>
        AsString(Required(owner, property), Where(owner, property));

    public static string? OptionalString(JsonObject owner, string property) =>
        owner[property] is null ? null : AsString(owner[property], Where(owner, property));

    public static int? OptionalInt(JsonObject owner, string property) =>
        owner[property] is null ? null : AsInt(owner[property], Where(owner, property));

    /// <summary>A duration in .NET's invariant <c>c</c> format (<c>"00:02:00"</c>), exact to the tick.</summary>
    public static JsonValue Duration(TimeSpan duration) => JsonValue.Create(duration.ToString("c", CultureInfo.InvariantCulture));

    public static TimeSpan AsDuration(JsonNode? node, string where)
    {
        var text = AsString(node, where);
        return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var duration)
            ? duration
            : throw new InvalidManifestException($"{where} is '{text}', which is not a duration like \"00:02:00\".");
    }

    public static TimeSpan? OptionalDuration(JsonObject owner, string property) =>
        owner[property] is null ? null : AsDuration(owner[property], Where(owner, property));

    public static JsonNode Required(JsonObject owner, string property) =>
        owner[property] ?? throw new InvalidManifestException($"{Where(owner, property)} is missing.");

    /// <summary>Fails on a property the reader does not know, so a manifest from a newer writer is never half-read.</summary>
    public static void RejectUnknown(JsonObject owner, IReadOnlySet<string> known, string what)
    {
        foreach (var (name, _) in owner)
        {
            if (!known.Contains(name))
            {
                throw new InvalidManifestException(
                    $"{Where(owner, name)}: {what} has no property '{name}' in manifest version {ManifestFormat.Version}. " +
                    $"Known properties: {string.Join(", ", known)}.");
            }
        }
    }

    public static string Where(JsonNode owner, string property) => $"{owner.GetPath()}.{property}";

    private static InvalidManifestException Invalid(JsonNode? node, string where, string expected) =>
        new($"{where} must be {expected}, not {Describe(node)}.");

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => node.ToJsonString(),
    };
}
