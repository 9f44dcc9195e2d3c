using System.Globalization;
using System.Text.Json;

namespace Orchestrator.Api.CommandLine;

/// <summary>Turns the API's JSON values into short text for tables; a missing value is a dash.</summary>
internal static class JsonText
{
    public const string Missing = "-";

    /// <summary>The property as text: strings as they are, arrays joined with commas, booleans yes/no.</summary>
    public static string Of(JsonElement element, string property) =>
        Get(element, property) is { } value ? Format(value) : Missing;

    /// <summary>The property, or null when it is absent or null.</summary>
    public static JsonElement? Get(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    /// <summary>A number property, or null.</summary>
    public static double? Number(JsonElement element, string property) =>
        Get(element, property) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    /// <summary>A string property, or null.</summary>
    public static string? String(JsonElement element, string property) =>
        Get(element, property) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>The elements of an array property; none when it is absent.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement element, string property) =>
        Get(element, property) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    /// <summary>A time property as UTC, to the second (log lines use <see cref="TimeOfDay"/>).</summary>
    public static string Time(JsonElement element, string property) =>
        Get(element, property) is { ValueKind: JsonValueKind.String } value && value.TryGetDateTimeOffset(out var time)
            ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : Of(element, property);

    /// <summary>A time property as UTC time of day, to the millisecond.</summary>
    public static string TimeOfDay(JsonElement element, string property) =>
        Get(element, property) is { ValueKind: JsonValueKind.String } value && value.TryGetDateTimeOffset(out var time)
            ? time.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)
            : Of(element, property);

    /// <summary>A duration in seconds the way people say it: <c>45s</c>, <c>12m 05s</c>, <c>3h 02m</c>, <c>2d 04h</c>.</summary>
    public static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Max(0, Math.Floor(seconds)));
        return span switch
        {
            { TotalDays: >= 1 } => $"{(int)span.TotalDays}d {span.Hours:00}h",
            { TotalHours: >= 1 } => $"{span.Hours}h {span.Minutes:00}m",
            { TotalMinutes: >= 1 } => $"{span.Minutes}m {span.Seconds:00}s",
            _ => $"{span.Seconds}s",
        };
    }

    /// <summary>A byte count with a binary unit: <c>512 B</c>, <c>3.1 GiB</c>.</summary>
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0} {units[unit]}")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.0} {units[unit]}");
    }

    /// <summary>A number as people read it, with at most one decimal.</summary>
    public static string Decimal(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? Missing,
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Array => value.GetArrayLength() == 0 ? Missing : string.Join(", ", value.EnumerateArray().Select(Format)),
        _ => value.GetRawText(),
    };
}
