using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Api.Http.Contracts;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Http;

/// <summary><c>GET /api/v1/resources</c> (with <c>type</c> and <c>state</c> filters) and <c>GET /api/v1/resources/{name}</c>.</summary>
internal static class ResourceEndpoints
{
    /// <summary>The types a resource may have, as the API names them.</summary>
    public static readonly IReadOnlyList<string> Types = ["project", "executable", "postgres", "postgres-database", "redis", ResourceCatalog.ExternalType];

    private static readonly IReadOnlyList<string> States = Enum.GetNames<KnownResourceState>();

    public static void Map(IEndpointRouteBuilder viewer)
    {
        viewer.MapGet("/resources", List).WithName("ListResources").WithTags("Resources")
            .Produces<IReadOnlyList<ResourceSummary>>().ProducesValidationProblem();
        viewer.MapGet("/resources/{name}", Get).WithName("GetResource").WithTags("Resources")
            .Produces<ResourceDetail>().ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
    }

    private static IResult List([FromQuery] string? type, [FromQuery] string? state, [FromServices] ResourceCatalog catalog, [FromServices] ResourceViews views)
    {
        var (wantedType, typeProblem) = ApiQuery.OneOf(type, "type", Types);
        if (typeProblem is not null)
        {
            return typeProblem;
        }

        var (wantedState, stateProblem) = ApiQuery.OneOf(state, "state", States);
        if (stateProblem is not null)
        {
            return stateProblem;
        }

        var summaries = catalog.List().Select(views.Summary)
            .Where(s => wantedType is null || s.Type == wantedType)
            .Where(s => wantedState is null || s.State == wantedState)
            .ToList();
        return TypedResults.Ok(summaries);
    }

    private static IResult Get(string name, [FromServices] ResourceCatalog catalog, [FromServices] ResourceViews views)
    {
        if (ApiQuery.CheckName(name) is { } invalid)
        {
            return invalid;
        }

        return catalog.Find(name) is { } resource ? TypedResults.Ok(views.Detail(resource)) : ApiProblems.NotFound(name);
    }
}
