using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Api.Streaming;

namespace Orchestrator.Api.Http;

/// <summary><c>GET /api/v1/stream</c>: the WebSocket event stream (viewer key), counted while connected.</summary>
internal static class StreamEndpoints
{
    public static void Map(IEndpointRouteBuilder viewer) =>
        viewer.MapGet("/stream", async (HttpContext context) =>
        {
            using var connection = context.WebSockets.IsWebSocketRequest
                ? ((ApiStreamCounters)context.RequestServices.GetService(typeof(ApiStreamCounters))!).Connect()
                : null;
            await EventStreamEndpoint.HandleAsync(context).ConfigureAwait(false);
        }).WithName("StreamEvents").WithTags("Stream").ExcludeFromDescription();
}
