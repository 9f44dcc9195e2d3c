using Microsoft.AspNetCore.Http;

namespace Orchestrator.Api.Streaming;

/// <summary>
/// Placeholder with the contract's signature until the stream branch lands (take that branch's file when merging):
/// answers 503 so that the route exists and is authorized like the real one.
/// </summary>
public static class EventStreamEndpoint
{
    /// <summary>Serves one WebSocket client of the event stream.</summary>
    public static Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Results.Problem(detail: "The event stream is not available in this build.", statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Not available now.").ExecuteAsync(context);
    }
}
