using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Orchestrator.EndToEnd.Tests.Streaming;

/// <summary>A WebSocket client of the stream that reads every message in the background and lets a test wait for one.</summary>
internal sealed class StreamTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonElement> _incoming = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> _seen = [];
    private Task _receiving = Task.CompletedTask;

    private StreamTestClient(ClientWebSocket socket, bool read)
    {
        _socket = socket;
        if (read)
        {
            StartReading();
        }
    }

    /// <summary>Every message a wait has gone past, in order.</summary>
    public IReadOnlyList<JsonElement> Seen => _seen;

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseStatusDescription => _socket.CloseStatusDescription;

    /// <summary>Completes when the server closed the connection (or it broke); at once for a client that does not read.</summary>
    public Task Closed => _receiving;

    /// <summary>Starts reading, for a client made not to.</summary>
    public void StartReading() => _receiving = Task.Run(ReceiveAsync);

    /// <summary>Connects, with <paramref name="apiKey"/> in a header when given; a client made with <paramref name="read"/> false never reads (a slow client).</summary>
    public static async Task<StreamTestClient> ConnectAsync(Uri uri, bool read = true, string? apiKey = null)
    {
        var socket = new ClientWebSocket();
        if (apiKey is not null)
        {
            socket.Options.SetRequestHeader("X-Api-Key", apiKey);
        }

        using var timeout = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(uri, timeout.Token);
        return new StreamTestClient(socket, read);
    }

    public async Task SendAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next message that matches, remembering the ones before it in <see cref="Seen"/>.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> predicate, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? Timeout);
        try
        {
            while (true)
            {
                var message = await _incoming.Reader.ReadAsync(cancel.Token);
                _seen.Add(message);
                if (predicate(message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching message in time; saw {_seen.Count}: {string.Join(" | ", _seen.TakeLast(5).Select(m => m.GetRawText()))}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The stream closed ({CloseStatus} {CloseStatusDescription}) before a matching message came.");
        }
    }

    public Task<JsonElement> WaitForTypeAsync(string type, Func<JsonElement, bool>? predicate = null) =>
        WaitForAsync(m => m.GetProperty("type").GetString() == type && (predicate is null || predicate(m)));

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }

        _socket.Abort();
        await Task.WhenAny(_receiving, Task.Delay(TimeSpan.FromSeconds(5)));
        _socket.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // A polite client answers the server's close, so the server need not time out on it.
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    using var document = JsonDocument.Parse(message.ToArray());
                    _incoming.Writer.TryWrite(document.RootElement.Clone());
                    message.SetLength(0);
                }
            }
        }
        catch (WebSocketException)
        {
            // The server aborted the connection.
        }
        finally
        {
            _incoming.Writer.TryComplete();
        }
    }
}
