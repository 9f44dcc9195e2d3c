using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Api.Http.Contracts;
using Orchestrator.Api.Streaming;

namespace Orchestrator.Api.Http;

/// <summary><c>GET /api/v1/status</c> and <c>GET /api/v1/stats</c>.</summary>
internal static class StatusEndpoints
{
    public static void Map(IEndpointRouteBuilder viewer)
    {
        viewer.MapGet("/status", ([FromServices] StatusBuilder status) => TypedResults.Ok(status.Build()))
            .WithName("GetStatus").WithTags("Status");
        viewer.MapGet("/stats", GetStats).WithName("GetStats").WithTags("Status");
    }

    private static Ok<ApiStats> GetStats(
        [FromServices] RequestStatistics requests,
        [FromServices] StatusBuilder status,
        [FromServices] EventCounter events,
        [FromServices] EventStreamHub streams)
    {
        var performance = status.Performance();
        return TypedResults.Ok(new ApiStats(
            requests.Counts(),
            requests.Latency(),
            status.HealthChecks(),
            performance.Restarts,
            new EventCounts(events.Published, streams.SlowClientsDropped),
            streams.ClientCount));
    }
}
