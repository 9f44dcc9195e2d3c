using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Api.Http.Contracts;

namespace Orchestrator.Api.Http;

/// <summary><c>GET /health</c>: the orchestrator's own health, without a key (for supervisors and load balancers).</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", () => TypedResults.Ok(new HealthResponse("Healthy")))
            .WithName("GetHealth").WithTags("Health");
}
