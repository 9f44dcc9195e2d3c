using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Orchestrator.EndToEnd.Tests.Streaming;

/// <summary>The stream as the orchestrator's own API serves it: behind its keys.</summary>
[Trait("Category", "Integration")]
[Collection(StreamingCollection.Name)]
public sealed class StreamThroughApiTests(StreamingFixture fixture)
{
    [Fact]
    public async Task A_viewer_key_opens_the_stream_of_the_real_api()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Api-Key", fixture.ViewerKey);
        using var timeout = new CancellationTokenSource(StreamTestClient.Timeout);

        await socket.ConnectAsync(StreamUri("resources=svc"), timeout.Token);

        var buffer = new byte[256 * 1024];
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        using var snapshot = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length));
        Assert.Equal("snapshot", snapshot.RootElement.GetProperty("type").GetString());
        Assert.Equal("svc", snapshot.RootElement.GetProperty("resources")[0].GetProperty("name").GetString());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        Assert.Equal(WebSocketState.Closed, socket.State);
    }

    [Fact]
    public async Task Without_a_key_the_stream_is_refused_with_401()
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(StreamUri(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    private Uri StreamUri(string query = "") =>
        new($"ws://{fixture.ApiAddress.Authority}/api/v1/stream{(query.Length > 0 ? "?" + query : string.Empty)}");
}
