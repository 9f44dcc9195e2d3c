using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Orchestrator.Api.CommandLine;

/// <summary>
/// <c>logs NAME --follow</c>: subscribes to the resource's lines on the WebSocket stream, prints the
/// recent tail, then every new line until Ctrl+C (exit 0). When the orchestrator goes away (restarted,
/// stopped), it says so on stderr and reconnects with backoff, printing the lines of the gap that the
/// orchestrator still has; it gives up (exit 3) when the orchestrator stays away too long.
/// </summary>
internal sealed class LogFollower(
    OrchestratorApiClient client, string resource, string? replica, bool json, TextWriter output, TextWriter error, LogFollowOptions? options = null)
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private readonly LogFollowOptions _options = options ?? new LogFollowOptions();
    private readonly PrintedLogLines _printed = new();
    private readonly TimeProvider _time = TimeProvider.System;

    /// <summary>Follows until Ctrl+C, or until the orchestrator stays away longer than <see cref="LogFollowOptions.GiveUpAfter"/>.</summary>
    public async Task<int> RunAsync(string tailPath, CancellationToken cancellationToken)
    {
        try
        {
            // The first connection must work at once: a wrong URL, key or name is the user's to fix, not to wait out.
            var lost = await FollowAsync(await ConnectAsync(cancellationToken).ConfigureAwait(false), tailPath, reconnected: false, cancellationToken)
                .ConfigureAwait(false);
            while (lost is not null)
            {
                await error.WriteLineAsync($"Lost the log stream of the orchestrator at {client.Connection} ({lost}); reconnecting...").ConfigureAwait(false);
                if (await ReconnectAsync(cancellationToken).ConfigureAwait(false) is not { } socket)
                {
                    await error.WriteLineAsync(
                        $"Gave up: the orchestrator at {client.Connection} did not come back within {_options.GiveUpAfter.TotalSeconds:0.#} s.").ConfigureAwait(false);
                    return CliExitCodes.Unreachable;
                }

                await error.WriteLineAsync($"Reconnected to the orchestrator at {client.Connection}.").ConfigureAwait(false);
                lost = await FollowAsync(socket, tailPath, reconnected: true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return CliExitCodes.Ok;
    }

    // One connection: subscribes, prints the tail and the live lines; returns why the stream ended, or null on Ctrl+C.
    private async Task<string?> FollowAsync(ClientWebSocket socket, string tailPath, bool reconnected, CancellationToken cancellationToken)
    {
        using (socket)
        {
            try
            {
                // Subscribe before reading the tail, so that no line falls between the two; the overlap is dropped.
                await SendAsync(socket, new JsonObject { ["action"] = "subscribe-logs", ["resource"] = resource, ["replica"] = replica }, cancellationToken).ConfigureAwait(false);
            }
            catch (WebSocketException ex)
            {
                return ex.Message;
            }

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
                return null;
            }
            catch (CommandLineException ex) when (reconnected && ex.ExitCode is CliExitCodes.Unreachable or CliExitCodes.ServerError)
            {
                // The tail of a reconnect: an orchestrator that is still starting may not answer it yet.
                return ex.Message;
            }
            finally
            {
                await stopReceiving.CancelAsync().ConfigureAwait(false);
                await receiving.ConfigureAwait(false);
            }

            return await receiving.ConfigureAwait(false);
        }
    }

    // Attempts until one connects, waiting longer each time; null once the orchestrator stayed away too long.
    private async Task<ClientWebSocket?> ReconnectAsync(CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.GiveUpAfter;
        var delay = _options.FirstRetryDelay;
        while (_time.GetUtcNow() + delay < deadline)
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            try
            {
                return await ConnectAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CommandLineException ex) when (ex.ExitCode is CliExitCodes.Unreachable or CliExitCodes.ServerError)
            {
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }

        return null;
    }

    // The tail first, then the live lines; what an earlier connection or the tail already printed is skipped.
    private async Task PrintAsync(string tailPath, ChannelReader<JsonElement> live, CancellationToken cancellationToken)
    {
        var tail = await client.GetAsync(tailPath, cancellationToken).ConfigureAwait(false);
        var floor = _printed.Newest;
        foreach (var line in JsonText.Items(tail.Json, "lines"))
        {
            if (!_printed.Contains(line, floor))
            {
                Print(line);
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        floor = _printed.Newest;
        await foreach (var line in live.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_printed.Contains(line, floor))
            {
                continue;
            }

            Print(line);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Print(JsonElement line)
    {
        output.WriteLine(json ? line.GetRawText() : LogLineFormat.Format(line));
        _printed.Add(line);
    }

    private async Task<ClientWebSocket> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (client.Connection.ApiKey is { } key)
        {
            socket.Options.SetRequestHeader(OrchestratorApiClient.ApiKeyHeader, key);
        }

        var builder = new UriBuilder(new Uri(client.Connection.BaseAddress, $"api/v1/stream?resources={Uri.EscapeDataString(resource)}"));
        builder.Scheme = builder.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        try
        {
            await socket.ConnectAsync(builder.Uri, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (WebSocketException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var code = (int)socket.HttpStatusCode;
            socket.Dispose();
            throw code == 0
                ? new CommandLineException(CliExitCodes.Unreachable,
                    $"Cannot open the event stream of the orchestrator at {client.Connection} ({ex.Message}).", innerException: ex)
                : new CommandLineException(CliExitCodes.FromHttpStatus(code) is CliExitCodes.Ok ? CliExitCodes.ServerError : CliExitCodes.FromHttpStatus(code),
                    $"The orchestrator at {client.Connection} refused the event stream (HTTP {code}).", innerException: ex);
        }
        catch
        {
            socket.Dispose();
            throw;
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

    private static async Task SendAsync(ClientWebSocket socket, JsonObject message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
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
}
