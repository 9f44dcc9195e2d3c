using System.Text.Json;

namespace Orchestrator.Api.CommandLine;

/// <summary>One captured output line for a person: time, replica, the line; stderr marked.</summary>
internal static class LogLineFormat
{
    public static string Format(JsonElement line) =>
        $"{JsonText.TimeOfDay(line, "timestamp")} {JsonText.Of(line, "replica")}{(JsonText.String(line, "stream") == "stderr" ? " [stderr]" : string.Empty)} | {JsonText.String(line, "text")}";
}
