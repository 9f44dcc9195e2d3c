using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Api.Streaming;

namespace Orchestrator.Api.Http;

/// <summary><c>GET /api/v1/stream</c>: the WebSocket event stream, for viewers and operators.</summary>
internal static class StreamEndpoints
{
    public static void Map(IEndpointRouteBuilder viewer) =>
        viewer.MapGet("/stream", EventStreamEndpoint.HandleAsync).WithName("StreamEvents").WithTags("Stream").ExcludeFromDescription();
}
