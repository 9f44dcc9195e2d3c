using System.Text.Json;
using Orchestrator.EndToEnd.Tests.Api;
using Orchestrator.EndToEnd.Tests.Infrastructure;
using Orchestrator.EndToEnd.Tests.Streaming;

namespace Orchestrator.EndToEnd.Tests.Aot;

/// <summary>A Native AOT AppHost heals a crash (seen on its stream and in its history) and stops without leaving a process.</summary>
[Trait("Category", "Integration")]
[Collection(NativeAotCollection.Name)]
public sealed class NativeSupervisionTests(NativeAppHostFixture fixture)
{
    private NativeAppHost Host => fixture.Host;

    [Fact]
    public async Task A_SIGKILLed_replica_comes_back_with_a_new_pid_on_the_stream_and_in_the_healing_history()
    {
        // The stream alone first: it does not depend on the REST API.
        var streamUri = new Uri($"ws://{Host.Api.BaseAddress.Authority}/api/v1/stream?resources=web");
        await using var stream = await ConnectAsync(streamUri);

        var snapshot = await NextAsync(stream, "snapshot", _ => true);
        Assert.Single(stream.Seen);
        var web = snapshot.GetProperty("resources").EnumerateArray().Single();
        Assert.Equal(("web", "executable"), (web.GetProperty("name").GetString(), web.GetProperty("type").GetString()));
        var streamed = NativeApi.Replica(web, "web-1");
        Assert.Equal("Running", streamed.GetProperty("state").GetString());
        var oldPid = streamed.GetProperty("pid").GetInt32();
        Assert.True(NativeApi.IsTestService(oldPid, "web"), $"pid {oldPid} is not a live web replica: '{NativeApi.CommandLineOf(oldPid)}'");

        var killedAt = DateTimeOffset.UtcNow;
        PosixSignals.Send(oldPid, PosixSignals.Kill);

        var exited = await NextAsync(stream, "resource.state", m => IsWeb1(m) && m.GetProperty("state").GetString() == "Exited");
        Assert.Equal("Running", exited.GetProperty("previous").GetString());
        var failure = await NextAsync(stream, "failure.detected", IsWeb1);
        Assert.Equal(128 + PosixSignals.Kill, failure.GetProperty("exitCode").GetInt32());
        var scheduled = await NextAsync(stream, "restart.scheduled", IsWeb1);
        Assert.Equal((1, 1), (scheduled.GetProperty("attempt").GetInt32(), scheduled.GetProperty("tier").GetInt32()));
        var back = await NextAsync(stream, "replica", m => m.GetProperty("snapshot") is var s && s.GetProperty("name").GetString() == "web-1"
            && s.GetProperty("state").GetString() == "Running" && s.TryGetProperty("pid", out var pid) && pid.GetInt32() != oldPid);
        var newPid = back.GetProperty("snapshot").GetProperty("pid").GetInt32();
        Assert.False(ProcessTree.IsAlive(oldPid));
        Assert.True(NativeApi.IsTestService(newPid, "web"), $"pid {newPid} is not a live web replica: '{NativeApi.CommandLineOf(newPid)}'");

        var detail = await Eventually.WaitAsync(() => Host.GetJsonAsync("/api/v1/resources/web"),
            d => NativeApi.Replica(d, "web-1") is var r && r.GetProperty("pid").GetInt32() == newPid
                && r.GetProperty("state").GetString() == "Running" && r.GetProperty("health").GetString() == "Healthy",
            NativeApi.Timeout, "web-1 healthy again with its new pid");
        Assert.True(NativeApi.Replica(detail, "web-1").GetProperty("restartCount").GetInt32() >= 1);

        var since = Uri.EscapeDataString(killedAt.AddSeconds(-1).ToString("O"));
        var history = await Eventually.WaitAsync(() => Host.GetJsonAsync($"/api/v1/healing-history?resource=web&since={since}"),
            h => Kinds(h).Contains("RestartSucceeded"), NativeApi.Timeout, "web-1's restart to succeed");
        var kinds = Kinds(history);
        Assert.Equal(["FailureDetected", "RestartScheduled", "RestartStarted", "RestartSucceeded"],
            kinds.Where(k => k is "FailureDetected" or "RestartScheduled" or "RestartStarted" or "RestartSucceeded"));
        Assert.All(history.EnumerateArray(), r => Assert.Equal("web", r.GetProperty("resource").GetString()));

        async Task<StreamTestClient> ConnectAsync(Uri uri)
        {
            try
            {
                return await StreamTestClient.ConnectAsync(uri, apiKey: Host.ViewerKey);
            }
            catch (System.Net.WebSockets.WebSocketException ex)
            {
                throw Xunit.Sdk.FailException.ForFailure($"The stream refused the connection: {ex.Message}\n{Host.OutputTail()}");
            }
        }

        // A message that does not come says what came instead, and what the AppHost printed.
        async Task<JsonElement> NextAsync(StreamTestClient client, string type, Func<JsonElement, bool> predicate)
        {
            try
            {
                return await client.WaitForTypeAsync(type, predicate);
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
                throw Xunit.Sdk.FailException.ForFailure($"No '{type}' message: {ex.Message}\n{Host.OutputTail()}");
            }
        }

        static bool IsWeb1(JsonElement message) => message.TryGetProperty("replica", out var replica) && replica.GetString() == "web-1";

        // The history is newest first: the kinds of web-1's records, oldest first.
        static List<string> Kinds(JsonElement records) => records.EnumerateArray()
            .Where(r => r.TryGetProperty("replica", out var replica) && replica.GetString() == "web-1")
            .Reverse()
            .Select(r => r.GetProperty("kind").GetString()!)
            .ToList();
    }

    [Theory]
    [InlineData(PosixSignals.Terminate)]
    [InlineData(PosixSignals.Interrupt)]
    public async Task A_stop_signal_stops_every_replica_and_leaves_no_process_behind(int signal)
    {
        // An instance of its own: the shared one stays up for the other tests.
        await using var host = await NativeAppHost.StartAsync(fixture.Executable);
        var processes = ProcessTree.Descendants(host.Pid);
        var census = string.Join('\n', processes.Select(p => $"{p}: {NativeApi.CommandLineOf(p)}"));
        Assert.True(processes.Count(p => NativeApi.CommandLineOf(p).Contains("TestService.dll", StringComparison.Ordinal)) == 3, census);
        Assert.True(processes.Any(p => NativeApi.CommandLineOf(p) == "sleep 1000"), census);

        host.Signal(signal);

        Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(30)), $"the AppHost did not exit on signal {signal}:\n{host.Output}");
        Assert.Equal(0, host.ExitCode);
        var left = await ProcessTree.WaitUntilGoneAsync(processes, TimeSpan.FromSeconds(10));
        Assert.True(left.Count == 0, $"left behind: {string.Join(", ", left.Select(p => $"{p} '{NativeApi.CommandLineOf(p)}'"))}");
    }
}
