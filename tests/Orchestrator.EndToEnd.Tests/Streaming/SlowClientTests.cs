using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Events;
using Orchestrator.Api.Streaming;

namespace Orchestrator.EndToEnd.Tests.Streaming;

/// <summary>A client that stops reading is dropped; the others and the orchestrator never wait for it.</summary>
[Trait("Category", "Integration")]
[Collection(StreamingCollection.Name)]
public sealed class SlowClientTests(StreamingFixture fixture)
{
    private const int Batch = 4;

    [Fact]
    public async Task A_client_that_never_reads_is_dropped_while_another_keeps_receiving()
    {
        await using var host = await StreamHost.StartAsync(fixture.Services, new EventStreamingOptions { SendQueueCapacity = 16 });
        await using var slow = await StreamTestClient.ConnectAsync(host.StreamUri("types=alert.raised"), read: false);
        await using var reader = await StreamTestClient.ConnectAsync(host.StreamUri("types=alert.raised"));
        await reader.WaitForTypeAsync("snapshot");
        var events = fixture.Services.GetRequiredService<EventStream>();
        // Large messages fill the slow client's socket buffers in a few hundred rounds.
        var padding = new string('p', 16 * 1024);

        var rounds = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (host.Hub.SlowClientsDropped == 0)
        {
            deadline.Token.ThrowIfCancellationRequested();
            rounds++;
            for (var i = 0; i < Batch; i++)
            {
                events.Publish(new AlertRaised(DateTimeOffset.UtcNow, "flood", null, AlertSeverity.Info, $"{rounds}.{i} {padding}"));
            }

            // Paced by the reading client, so that only the one that does not read can fall behind.
            await reader.WaitForTypeAsync("alert.raised", m => m.GetProperty("message").GetString()!.StartsWith($"{rounds}.{Batch - 1} ", StringComparison.Ordinal));
        }

        await WaitUntilAsync(() => host.Hub.ClientCount == 1);
        events.Publish(new AlertRaised(DateTimeOffset.UtcNow, "flood", null, AlertSeverity.Info, "after the drop"));
        await reader.WaitForTypeAsync("alert.raised", m => m.GetProperty("message").GetString() == "after the drop");
        Assert.Equal(1, host.Hub.SlowClientsDropped);
        Assert.Equal(WebSocketState.Open, reader.State);
        Assert.True(rounds > 1);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        using var deadline = new CancellationTokenSource(StreamTestClient.Timeout);
        while (!condition())
        {
            await timer.WaitForNextTickAsync(deadline.Token);
        }
    }
}
