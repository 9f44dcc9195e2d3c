using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Events;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.EndToEnd.Tests.Streaming;

/// <summary>The WebSocket stream over a real orchestrator and its real processes.</summary>
[Trait("Category", "Integration")]
[Collection(StreamingCollection.Name)]
public sealed class EventStreamTests(StreamingFixture fixture)
{
    [Fact]
    public async Task A_client_gets_the_snapshot_first_then_the_state_changes_of_a_killed_replica()
    {
        await using var host = await StreamHost.StartAsync(fixture.Services);
        var running = await fixture.Notifications.WaitForAsync("svc", s => s.State == KnownResourceState.Running).WaitAsync(StreamTestClient.Timeout);
        await using var client = await StreamTestClient.ConnectAsync(host.StreamUri());

        var snapshot = await client.WaitForAsync(_ => true);
        Assert.Equal("snapshot", snapshot.GetProperty("type").GetString());
        var svc = Resource(snapshot, "svc");
        Assert.Equal("executable", svc.GetProperty("type").GetString());
        var replica = svc.GetProperty("replicas")[0];
        Assert.Equal("svc-0", replica.GetProperty("name").GetString());
        Assert.Equal("Running", replica.GetProperty("state").GetString());
        Assert.Equal(running.ProcessId, replica.GetProperty("pid").GetInt32());
        Assert.Contains(snapshot.GetProperty("resources").EnumerateArray(), r => r.GetProperty("name").GetString() == "ticker");

        Process.GetProcessById(running.ProcessId!.Value).Kill();

        var exited = await client.WaitForTypeAsync("resource.state", m => Replica(m) == "svc-0" && m.GetProperty("state").GetString() == "Exited");
        Assert.Equal("Running", exited.GetProperty("previous").GetString());
        await client.WaitForTypeAsync("restart.scheduled", m => Replica(m) == "svc-0");
        var back = await client.WaitForTypeAsync("replica", m =>
            m.GetProperty("snapshot") is var s && s.GetProperty("name").GetString() == "svc-0"
            && s.GetProperty("state").GetString() == "Running" && s.TryGetProperty("pid", out var pid) && pid.GetInt32() != running.ProcessId);
        Assert.True(back.GetProperty("snapshot").GetProperty("restartCount").GetInt32() >= 1);
        Assert.Contains(client.Seen, m => Type(m) == "replica" && m.GetProperty("snapshot").GetProperty("state").GetString() == "Exited");
    }

    [Fact]
    public async Task Filters_pass_only_the_named_resources_and_types()
    {
        await using var host = await StreamHost.StartAsync(fixture.Services);
        await using var client = await StreamTestClient.ConnectAsync(host.StreamUri("resources=svc&types=alert.raised"));
        var events = fixture.Services.GetRequiredService<EventStream>();
        var snapshot = await client.WaitForAsync(_ => true);

        events.Publish(new AlertRaised(DateTimeOffset.UtcNow, "other", null, AlertSeverity.Info, "not for this client: other resource"));
        events.Publish(new AlertRaised(DateTimeOffset.UtcNow, null, null, AlertSeverity.Info, "not for this client: no resource"));
        events.Publish(new Released(DateTimeOffset.UtcNow, "svc", "svc-0", "not for this client: other type"));
        events.Publish(new AlertRaised(DateTimeOffset.UtcNow, "svc", null, AlertSeverity.Info, "marker"));

        var marker = await client.WaitForTypeAsync("alert.raised");
        Assert.Equal("marker", marker.GetProperty("message").GetString());
        Assert.Equal(["snapshot", "alert.raised"], client.Seen.Select(Type));
        Assert.Equal(["svc"], snapshot.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_unknown_type_is_a_400_problem_before_any_upgrade()
    {
        await using var host = await StreamHost.StartAsync(fixture.Services);
        using var http = new HttpClient();

        using var response = await http.GetAsync(host.HttpUri("types=resource.state,bogus"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("'bogus'", problem.GetProperty("errors").GetProperty("types")[0].GetString());

        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(host.StreamUri("types=bogus"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Log_lines_of_a_real_process_arrive_after_subscribing_and_stop_after_unsubscribing()
    {
        await using var host = await StreamHost.StartAsync(fixture.Services);
        await using var client = await StreamTestClient.ConnectAsync(host.StreamUri("types=alert.raised"));
        await client.WaitForTypeAsync("snapshot");

        await client.SendAsync("""{ "action": "subscribe-logs", "resource": "ticker", "replica": null }""");

        var first = await client.WaitForTypeAsync("log");
        Assert.Equal("ticker", first.GetProperty("resource").GetString());
        Assert.Equal("ticker-0", first.GetProperty("replica").GetString());
        Assert.Equal("stdout", first.GetProperty("stream").GetString());
        var number = TickNumber(first);
        var next = await client.WaitForTypeAsync("log");
        Assert.Equal(number + 1, TickNumber(next));

        await client.SendAsync("""{ "action": "unsubscribe-logs", "resource": "ticker" }""");
        await client.SendAsync("first marker");
        await client.WaitForTypeAsync("error");
        var afterMarker = client.Seen.Count;
        // The ticker goes on printing (ten more lines), but none of it reaches the client any more.
        var tail = await WaitForTickAsync(TickNumber(client.Seen.Last(m => Type(m) == "log")) + 10);
        await client.SendAsync("second marker");
        await client.WaitForTypeAsync("error");
        Assert.DoesNotContain(client.Seen.Skip(afterMarker), m => Type(m) == "log");
        Assert.StartsWith("tick", tail);
    }

    [Fact]
    public async Task A_malformed_message_gets_an_error_and_the_connection_stays()
    {
        await using var host = await StreamHost.StartAsync(fixture.Services);
        await using var client = await StreamTestClient.ConnectAsync(host.StreamUri("types=alert.raised"));
        await client.WaitForTypeAsync("snapshot");

        await client.SendAsync("{ not json");
        Assert.Contains("not valid JSON", (await client.WaitForTypeAsync("error")).GetProperty("message").GetString());
        await client.SendAsync("""{ "action": "dance", "resource": "svc" }""");
        Assert.Contains("Unknown action 'dance'", (await client.WaitForTypeAsync("error")).GetProperty("message").GetString());
        await client.SendAsync("""{ "action": "subscribe-logs", "resource": "nope" }""");
        Assert.Contains("Unknown resource 'nope'", (await client.WaitForTypeAsync("error")).GetProperty("message").GetString());
        await client.SendAsync(new string('x', 10_000));
        Assert.Contains("at most", (await client.WaitForTypeAsync("error")).GetProperty("message").GetString());

        fixture.Services.GetRequiredService<EventStream>().Publish(new AlertRaised(DateTimeOffset.UtcNow, "svc", null, AlertSeverity.Info, "still here"));
        Assert.Equal("still here", (await client.WaitForTypeAsync("alert.raised")).GetProperty("message").GetString());
        Assert.Equal(WebSocketState.Open, client.State);
    }

    [Fact]
    public async Task Clients_are_closed_cleanly_when_the_host_stops()
    {
        var host = await StreamHost.StartAsync(fixture.Services);
        await using (host)
        {
            await using var client = await StreamTestClient.ConnectAsync(host.StreamUri());
            await client.WaitForTypeAsync("snapshot");

            await host.StopAsync().WaitAsync(StreamTestClient.Timeout);

            await client.Closed.WaitAsync(StreamTestClient.Timeout);
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, client.CloseStatus);
            Assert.Equal(0, host.Hub.ClientCount);
        }
    }

    private static string? Type(JsonElement message) => message.GetProperty("type").GetString();

    private static string? Replica(JsonElement message) => message.TryGetProperty("replica", out var replica) ? replica.GetString() : null;

    private static int TickNumber(JsonElement log) => int.Parse(log.GetProperty("text").GetString()!["tick ".Length..], System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement Resource(JsonElement snapshot, string name) =>
        snapshot.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private async Task<string> WaitForTickAsync(int number)
    {
        var executor = fixture.Services.GetRequiredService<Orchestrator.Hosting.Orchestration.ResourceExecutor>();
        var deadline = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (deadline.Elapsed < StreamTestClient.Timeout && await timer.WaitForNextTickAsync())
        {
            if (executor.GetProcess("ticker-0")?.GetLogTail(1000).Any(l => l.Text == $"tick {number}") == true)
            {
                return $"tick {number}";
            }
        }

        throw new TimeoutException($"The ticker did not print 'tick {number}' in time.");
    }
}
