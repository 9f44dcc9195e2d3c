using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Orchestrator.Api.CommandLine;

/// <summary>
/// <c>logs NAME --follow</c>: subscribes to the resource's lines on the WebSocket stream, prints the
/// recent tail, then every new line until Ctrl+C (exit 0) or until the orchestrator goes away (exit 3).
/// </summary>
internal sealed class LogFollower(OrchestratorApiClient client, string resource, string? replica, bool json, TextWriter output, TextWriter error)
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Follows until <paramref name="tailPath"/>'s lines and then the live ones are printed and the stream ends.</summary>
    public async Task<int> RunAsync(string tailPath, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (client.Connection.ApiKey is { } key)
        {
            socket.Options.SetRequestHeader(OrchestratorApiClient.ApiKeyHeader, key);
        }

        await ConnectAsync(socket, cancellationToken).ConfigureAwait(false);
        // Subscribe before reading the tail, so that no line falls between the two; the overlap is dropped below.
        await SendAsync(socket, new { action = "subscribe-logs", resource, replica }, cancellationToken).ConfigureAwait(false);
        var live = Channel.CreateUnbounded<JsonElement>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = ReceiveAsync(socket, live.Writer, stopReceiving.Token);
        try
        {
            await PrintAsync(tailPath, live.Reader, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CloseAsync(socket).ConfigureAwait(false);
            return CliExitCodes.Ok;
        }
        finally
        {
            await stopReceiving.CancelAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
        }

        await error.WriteLineAsync($"The orchestrator at {client.Connection} closed the log stream ({await receiving.ConfigureAwait(false)}).").ConfigureAwait(false);
        return CliExitCodes.Unreachable;
    }

    // The tail first, then the live lines that are not already in it; returns when the stream ends.
    private async Task PrintAsync(string tailPath, ChannelReader<JsonElement> live, CancellationToken cancellationToken)
    {
        var tail = await client.GetAsync(tailPath, cancellationToken).ConfigureAwait(false);
        var printed = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? lastPrinted = null;
        foreach (var line in JsonText.Items(tail.Json, "lines"))
        {
            Print(line);
            printed.Add(Identity(line));
            lastPrinted = Timestamp(line) ?? lastPrinted;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var line in live.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (printed.Count > 0 && (printed.Contains(Identity(line)) || Timestamp(line) < lastPrinted))
            {
                continue;
            }

            Print(line);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Print(JsonElement line) => output.WriteLine(json ? line.GetRawText() : LogLineFormat.Format(line));

    private async Task ConnectAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var builder = new UriBuilder(new Uri(client.Connection.BaseAddress, $"api/v1/stream?resources={Uri.EscapeDataString(resource)}"));
        builder.Scheme = builder.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        try
        {
            await socket.ConnectAsync(builder.Uri, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var code = (int)socket.HttpStatusCode;
            throw code == 0
                ? new CommandLineException(CliExitCodes.Unreachable,
                    $"Cannot open the event stream of the orchestrator at {client.Connection} ({ex.Message}).", innerException: ex)
                : new CommandLineException(CliExitCodes.FromHttpStatus(code) is CliExitCodes.Ok ? CliExitCodes.ServerError : CliExitCodes.FromHttpStatus(code),
                    $"The orchestrator at {client.Connection} refused the event stream (HTTP {code}).", innerException: ex);
        }
    }

    // Reads frames until the server closes; hands on this resource's log lines, reports errors, skips the rest.
    private async Task<string> ReceiveAsync(ClientWebSocket socket, ChannelWriter<JsonElement> lines, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return $"{socket.CloseStatus} {socket.CloseStatusDescription}".Trim();
                }

                buffer.Advance(result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                Dispatch(buffer.WrittenSpan, lines);
                buffer.ResetWrittenCount();
            }
        }
        catch (OperationCanceledException)
        {
            return "cancelled";
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            return ex.Message;
        }
        finally
        {
            lines.TryComplete();
        }
    }

    private void Dispatch(ReadOnlySpan<byte> frame, ChannelWriter<JsonElement> lines)
    {
        JsonElement message;
        try
        {
            using var document = JsonDocument.Parse(frame.ToArray());
            message = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return;
        }

        switch (JsonText.String(message, "type"))
        {
            case "log" when JsonText.String(message, "resource") == resource
                && (replica is null || JsonText.String(message, "replica") == replica):
                lines.TryWrite(message);
                break;
            case "error":
                error.WriteLine($"The orchestrator's stream says: {JsonText.Of(message, "message")}");
                break;
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, object message, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        if (socket.State != WebSocketState.Open)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Leaving anyway: the server notices the closed connection on its own.
        }
    }

    private static string Identity(JsonElement line) =>
        $"{JsonText.Of(line, "timestamp")}\n{JsonText.Of(line, "replica")}\n{JsonText.Of(line, "text")}";

    private static DateTimeOffset? Timestamp(JsonElement line) =>
        JsonText.Get(line, "timestamp") is { ValueKind: JsonValueKind.String } value && value.TryGetDateTimeOffset(out var time) ? time : null;
}
