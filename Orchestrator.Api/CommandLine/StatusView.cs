using System.Text.Json;

namespace Orchestrator.Api.CommandLine;

/// <summary>The system status (<c>GET /api/v1/status</c>) for a person: verdict, resources, problems, figures.</summary>
internal static class StatusView
{
    /// <summary>The verdict a script can trust: only Healthy is healthy.</summary>
    public static bool IsHealthy(JsonElement status) => JsonText.String(status, "status") == "Healthy";

    public static void Write(TextWriter output, JsonElement status)
    {
        var uptime = JsonText.Number(status, "uptimeSeconds") is { } seconds ? JsonText.Duration(seconds) : JsonText.Missing;
        output.WriteLine($"Status: {JsonText.Of(status, "status")}   uptime {uptime}   at {JsonText.Time(status, "timestamp")}");
        output.WriteLine();
        ResourceTable.Write(output, JsonText.Items(status, "resources"));
        WriteMessages(output, "Errors", JsonText.Items(status, "errors"));
        WriteMessages(output, "Warnings", JsonText.Items(status, "warnings"));

        output.WriteLine();
        if (JsonText.Get(status, "performance") is { } performance)
        {
            var rate = JsonText.Number(performance, "errorRate") is { } r ? JsonText.Decimal(r * 100) + " %" : JsonText.Missing;
            output.WriteLine(
                $"Health checks: {JsonText.Of(performance, "healthChecks")} ({JsonText.Of(performance, "failedHealthChecks")} failed, error rate {rate}), " +
                $"p50 {Milliseconds(performance, "healthCheckP50Ms")}, p99 {Milliseconds(performance, "healthCheckP99Ms")}; restarts {JsonText.Of(performance, "restarts")}");
        }

        if (JsonText.Get(status, "host") is { } host)
        {
            output.WriteLine(
                $"Host: CPU {Percent(host, "cpuPercent")}, " +
                $"memory {Percent(host, "memoryPercent")}{Usage(host, "memoryUsedBytes", "memoryTotalBytes")}, " +
                $"disk {Percent(host, "diskPercent")}{Usage(host, "diskUsedBytes", "diskTotalBytes")}");
        }
    }

    private static void WriteMessages(TextWriter output, string heading, IEnumerable<JsonElement> messages)
    {
        var lines = messages
            .Select(m => JsonText.String(m, "resource") is { } resource ? $"  {resource}: {JsonText.Of(m, "message")}" : $"  {JsonText.Of(m, "message")}")
            .ToList();
        if (lines.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"{heading}:");
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }
    }

    private static string Milliseconds(JsonElement element, string property) =>
        JsonText.Number(element, property) is { } ms ? JsonText.Decimal(ms) + " ms" : JsonText.Missing;

    private static string Percent(JsonElement element, string property) =>
        JsonText.Number(element, property) is { } percent ? JsonText.Decimal(percent) + " %" : JsonText.Missing;

    private static string Usage(JsonElement element, string used, string total) =>
        JsonText.Number(element, used) is { } u && JsonText.Number(element, total) is { } t
            ? $" ({JsonText.Bytes(u)} of {JsonText.Bytes(t)})"
            : string.Empty;
}
