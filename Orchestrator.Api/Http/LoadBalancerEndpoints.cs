using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Api.Balancing;
using Orchestrator.Api.Http.Contracts;

namespace Orchestrator.Api.Http;

/// <summary><c>GET /api/v1/loadbalancer/{name}?strategy=</c>: a healthy replica of the resource to send a request to.</summary>
internal static class LoadBalancerEndpoints
{
    private static readonly string[] Strategies =
    [
        BalancingStrategyNames.PowerOfTwo, BalancingStrategyNames.RoundRobin, BalancingStrategyNames.LeastConnections,
        BalancingStrategyNames.Weighted, BalancingStrategyNames.IpHash,
    ];

    public static void Map(IEndpointRouteBuilder viewer) =>
        viewer.MapGet("/loadbalancer/{name}", Pick).WithName("PickReplica").WithTags("Balancing")
            .Produces<BalancerPick>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static IResult Pick(string name, [FromQuery] string? strategy, HttpContext context)
    {
        if (ApiQuery.CheckName(name) is { } invalid)
        {
            return invalid;
        }

        if (!BalancingStrategyNames.TryParse(strategy, out var parsed))
        {
            return ApiProblems.BadRequest("strategy", $"'strategy' must be one of: {string.Join(", ", Strategies)}.");
        }

        if (context.RequestServices.GetService(typeof(ILoadBalancer)) is not ILoadBalancer balancer)
        {
            return ApiProblems.Unavailable("Load balancing is not registered in this AppHost.");
        }

        var result = balancer.Pick(name, parsed, context.Connection.RemoteIpAddress);
        return result switch
        {
            { Status: BalancingStatus.Picked, Endpoint: { } picked } => TypedResults.Ok(
                new BalancerPick(picked.Resource, picked.Replica, picked.Url.ToString(), BalancingStrategyNames.ToName(picked.Strategy))),
            { Status: BalancingStatus.UnknownResource } => ApiProblems.NotFound(name),
            _ => ApiProblems.Unavailable(result.Reason ?? $"No replica of '{name}' is healthy, ready and in rotation now."),
        };
    }
}
