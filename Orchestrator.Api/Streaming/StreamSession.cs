using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Api.Streaming;

/// <summary>
/// Serves one client's socket: a send loop drains its queue, a receive loop reads its commands, and
/// whichever ends first (the client closes, falls behind, or the orchestrator stops) closes the
/// socket with a status that says why, aborting it when the client does not take part in the close.
/// </summary>
internal sealed partial class StreamSession(
    WebSocket socket, StreamClient client, Func<StreamClient, ClientCommand, string?> execute, EventStreamingOptions options, ILogger logger)
{
    private int _stopSending;

    public async Task RunAsync(CancellationToken stopping)
    {
        // Both loops run apart from this method, so that a send that blocks on a full socket never keeps it from watching.
        var sending = Task.Run(SendAsync, CancellationToken.None);
        var receiving = Task.Run(ReceiveAsync, CancellationToken.None);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (stopping.Register(() => stopped.TrySetResult()).ConfigureAwait(false))
        {
            await Task.WhenAny(sending, receiving, client.FellBehind, stopped.Task).ConfigureAwait(false);
        }

        var (status, description) = client.Queue.HasOverflowed
            ? (WebSocketCloseStatus.PolicyViolation, "too slow")
            : stopping.IsCancellationRequested
                ? (WebSocketCloseStatus.EndpointUnavailable, "orchestrator shutting down")
                : (WebSocketCloseStatus.NormalClosure, string.Empty);
        Volatile.Write(ref _stopSending, 1);
        client.Queue.Close();
        try
        {
            // A client that stopped reading holds the send loop in its last send: it gets no close frame, only an abort.
            await sending.WaitAsync(options.CloseTimeout).ConfigureAwait(false);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var closing = new CancellationTokenSource(options.CloseTimeout);
                await socket.CloseOutputAsync(status, description, closing.Token).ConfigureAwait(false);
            }

            await receiving.WaitAsync(options.CloseTimeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            LogAborted(client.Id, ex.Message);
            socket.Abort();
        }
        finally
        {
            await Task.WhenAll(Observe(sending), Observe(receiving)).ConfigureAwait(false);
        }
    }

    private static async Task Observe(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The socket was aborted or the client vanished: nothing is left to tell it.
        }
    }

    private async Task SendAsync()
    {
        await foreach (var frame in client.Queue.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            // Checked per message: after an overflow the queue holds a history with a hole, and at shutdown nobody waits for it.
            if (client.Queue.HasOverflowed || Volatile.Read(ref _stopSending) == 1)
            {
                return;
            }

            await socket.SendAsync(frame.Utf8, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[options.MaxClientMessageBytes];
        while (true)
        {
            var length = 0;
            var tooLarge = false;
            ValueWebSocketReceiveResult result;
            do
            {
                // A message larger than the buffer is read to its end and thrown away.
                var free = length < buffer.Length ? buffer.AsMemory(length) : buffer.AsMemory();
                result = await socket.ReceiveAsync(free, CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (length < buffer.Length)
                {
                    length += result.Count;
                }

                tooLarge |= length >= buffer.Length && !result.EndOfMessage;
            }
            while (!result.EndOfMessage);

            var error = result.MessageType != WebSocketMessageType.Text
                ? "Send commands as text messages (JSON), not binary."
                : tooLarge
                    ? $"A message may be at most {options.MaxClientMessageBytes} bytes."
                    : ClientMessageParser.TryParse(buffer.AsSpan(0, length), out var command, out var parseError)
                        ? execute(client, command!)
                        : parseError;
            if (error is not null)
            {
                client.Send(StreamFrames.Error(error));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stream client {Client} did not close in time; aborted ({Reason})")]
    private partial void LogAborted(long client, string reason);
}
