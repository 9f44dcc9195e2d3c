using System.Text.Json;

namespace Orchestrator.Api.CommandLine;

/// <summary>The healing history (<c>GET /api/v1/healing-history</c>), newest first, as a table.</summary>
internal static class HistoryTable
{
    private static readonly string[] Headers = ["TIME", "RESOURCE", "REPLICA", "KIND", "ATTEMPT", "TIER", "ACTION", "DELAY", "MESSAGE"];

    public static void Write(TextWriter output, JsonElement records)
    {
        IEnumerable<JsonElement> items = records.ValueKind == JsonValueKind.Array ? records.EnumerateArray() : [];
        var rows = items.Select(r => (IReadOnlyList<string>)
        [
            JsonText.Time(r, "timestamp"),
            JsonText.Of(r, "resource"),
            JsonText.Of(r, "replica"),
            JsonText.Of(r, "kind"),
            JsonText.Of(r, "attempt"),
            JsonText.Of(r, "tier"),
            JsonText.Of(r, "action"),
            JsonText.Number(r, "delayMs") is { } ms ? Delay(ms) : JsonText.Missing,
            OneLine(JsonText.Of(r, "message")),
        ]);
        TextTable.Write(output, Headers, rows, empty: "No healing history.");
    }

    private static string Delay(double milliseconds) =>
        milliseconds < 1000 ? $"{JsonText.Decimal(milliseconds)} ms" : $"{JsonText.Decimal(milliseconds / 1000)} s";

    // A message may carry a process's last log lines; the table keeps one row per record.
    private static string OneLine(string text) => text.ReplaceLineEndings(" | ");
}
