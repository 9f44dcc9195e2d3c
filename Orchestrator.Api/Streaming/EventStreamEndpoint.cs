using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Orchestrator.Api.Streaming;

/// <summary>
/// <c>GET /api/v1/stream?resources=a,b&amp;types=resource.state,replica</c>: the WebSocket of live
/// events, replica changes, usage and logs. Map it where the API authorizes viewers:
/// <code>group.Map("/api/v1/stream", EventStreamEndpoint.HandleAsync);</code>
/// The request's services must hold the hub (<c>services.AddEventStreaming()</c>), and the host must
/// use WebSockets (<c>app.UseWebSockets()</c>).
/// </summary>
public static class EventStreamEndpoint
{
    /// <summary>Checks the query (an unknown type is a 400 before any upgrade), accepts the socket and serves it until it closes.</summary>
    public static async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        if (!StreamFilter.TryParse(Join(query["resources"]), Join(query["types"]), out var filter, out var errors))
        {
            await Results.ValidationProblem(errors, detail: "The types filter names a type the stream does not send.",
                title: "Invalid stream filter").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "WebSocket expected",
                detail: "GET /api/v1/stream is a WebSocket: connect with an upgrade request (ws://...).").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var hub = context.RequestServices.GetRequiredService<EventStreamHub>();
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await hub.ServeAsync(socket, filter, stopping).ConfigureAwait(false);
    }

    private static string? Join(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0 ? null : string.Join(',', values.ToArray());
}
