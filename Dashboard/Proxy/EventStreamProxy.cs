using System.Net.WebSockets;
using Dashboard.Configuration;

namespace Dashboard.Proxy;

/// <summary>
/// Relays the orchestrator's WebSocket stream to the browser, frame for frame in both directions (the
/// browser's log subscriptions go up, events come down). The key goes on the upstream connection only.
/// When either side ends, the other is closed, and the browser reconnects with its own backoff.
/// </summary>
public static class EventStreamProxy
{
    private const int BufferSize = 16 * 1024;

    public static IEndpointRouteBuilder MapEventStreamProxy(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.Map("/api/v1/stream", RelayAsync);
        return endpoints;
    }

    private static async Task RelayAsync(HttpContext context, DashboardOptions options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(EventStreamProxy));
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(title: "WebSocket required", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        // A page of another site cannot open this socket with the user's cookie (SameSite=Strict), and the
        // origin check says so a second time.
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        using var upstream = new ClientWebSocket();
        upstream.Options.SetRequestHeader("X-Api-Key", options.OrchestratorApiKey);
        upstream.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
        var target = new UriBuilder(new Uri(options.OrchestratorApiUrl, "api/v1/stream" + context.Request.QueryString.Value))
        {
            Scheme = options.OrchestratorApiUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
        }.Uri;
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            connectTimeout.CancelAfter(TimeSpan.FromSeconds(10));
            await upstream.ConnectAsync(target, connectTimeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or HttpRequestException)
        {
            logger.LogWarning("The orchestrator's stream is unreachable: {Error}", e.Message);
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        using var browser = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var relay = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var down = PumpAsync(upstream, browser, relay.Token);
        var up = PumpAsync(browser, upstream, relay.Token);
        var first = await Task.WhenAny(down, up).ConfigureAwait(false);
        var (status, description) = await first.ConfigureAwait(false);
        await relay.CancelAsync().ConfigureAwait(false);
        await CloseQuietlyAsync(first == down ? browser : upstream, status, description).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(down, up).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The other direction was stopped on purpose.
        }
    }

    // Copies messages until the source closes or fails; returns how it ended, to close the other side alike.
    private static async Task<(WebSocketCloseStatus Status, string? Description)> PumpAsync(WebSocket source, WebSocket destination, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = await source.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (source.CloseStatus ?? WebSocketCloseStatus.NormalClosure, source.CloseStatusDescription);
                }

                await destination.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            return (WebSocketCloseStatus.EndpointUnavailable, "the other side went away");
        }

        return (WebSocketCloseStatus.NormalClosure, null);
    }

    private static async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string? description)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(status, description, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Already gone: nothing to tell it.
        }
    }
}
