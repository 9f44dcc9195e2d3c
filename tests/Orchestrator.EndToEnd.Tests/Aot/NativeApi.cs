using System.Text.Json;
using Orchestrator.EndToEnd.Tests.Api;
using Orchestrator.EndToEnd.Tests.Infrastructure;

namespace Orchestrator.EndToEnd.Tests.Aot;

/// <summary>What the native AppHost's tests read through its API, waiting for conditions (never for fixed times).</summary>
internal static class NativeApi
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Waits until web (two replicas) and worker run and are healthy; returns <c>GET /api/v1/resources</c>.</summary>
    public static Task<JsonElement> WaitUntilAllHealthyAsync(NativeAppHost host) =>
        Eventually.WaitAsync(() => host.GetJsonAsync("/api/v1/resources"),
            list => list.GetArrayLength() == 2 && list.EnumerateArray().All(r =>
                r.GetProperty("state").GetString() == "Running" && r.GetProperty("healthyReplicas").GetInt32() == r.GetProperty("replicas").GetInt32()),
            Timeout, "web and worker running and healthy");

    /// <summary>A replica in a resource's detail.</summary>
    public static JsonElement Replica(JsonElement detail, string name) =>
        detail.GetProperty("replicas").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    public static IReadOnlyList<string> Names(JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetProperty("name").GetString()!).ToList();

    /// <summary>A process's command line with spaces between its arguments, or empty once it is gone.</summary>
    public static string CommandLineOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>True while <paramref name="pid"/> is a live test-service process named <paramref name="name"/>.</summary>
    public static bool IsTestService(int pid, string name) =>
        ProcessTree.IsAlive(pid) && CommandLineOf(pid).Contains($"TestService.dll --name {name}", StringComparison.Ordinal);
}
