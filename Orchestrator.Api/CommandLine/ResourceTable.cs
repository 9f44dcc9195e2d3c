using System.Text.Json;

namespace Orchestrator.Api.CommandLine;

/// <summary>Resource summaries (<c>GET /api/v1/resources</c>, and the list in the status) as a table.</summary>
internal static class ResourceTable
{
    private static readonly string[] Headers = ["NAME", "TYPE", "STATE", "HEALTH", "REPLICAS", "RESTARTS", "CIRCUIT", "PHASE", "URLS"];

    public static void Write(TextWriter output, IEnumerable<JsonElement> resources)
    {
        var rows = resources.Select(r => (IReadOnlyList<string>)
        [
            JsonText.Of(r, "name"),
            JsonText.Of(r, "type"),
            State(r),
            JsonText.Of(r, "health"),
            $"{JsonText.Of(r, "healthyReplicas")}/{JsonText.Of(r, "replicas")}",
            JsonText.Of(r, "restartCount"),
            JsonText.Of(r, "circuitState"),
            JsonText.Of(r, "phase"),
            JsonText.Of(r, "urls"),
        ]);
        TextTable.Write(output, Headers, rows, empty: "No resources.");
    }

    // The reason is what an operator needs before releasing a quarantined resource.
    private static string State(JsonElement resource) =>
        JsonText.String(resource, "quarantineReason") is { Length: > 0 } reason
            ? $"{JsonText.Of(resource, "state")} ({FirstLine(reason)})"
            : JsonText.Of(resource, "state");

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 60 ? line : line[..57] + "...";
    }
}
