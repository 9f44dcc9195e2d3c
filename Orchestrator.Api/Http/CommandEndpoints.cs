using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Http.Contracts;

namespace Orchestrator.Api.Http;

/// <summary>
/// <c>POST /api/v1/resources/{name}/start|stop|restart|release</c> and <c>POST /api/v1/resources/start|stop|restart</c>
/// (every resource): 202 at once, the work goes on in the background; 409 when the command makes no sense now.
/// </summary>
internal static class CommandEndpoints
{
    private const string Accepted = "accepted";

    public static void Map(IEndpointRouteBuilder operatorRoutes)
    {
        foreach (var command in Enum.GetValues<ResourceCommand>())
        {
            var verb = Verb(command);
            operatorRoutes.MapPost($"/resources/{{name}}/{verb}",
                    (string name, [FromServices] ResourceCatalog catalog, [FromServices] ResourceCommands commands) => One(name, command, catalog, commands))
                .WithName($"{command}Resource").WithTags("Commands")
                .AddEndpointFilter(RefuseBodies)
                .Produces<CommandAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        }

        foreach (var command in new[] { ResourceCommand.Start, ResourceCommand.Stop, ResourceCommand.Restart })
        {
            operatorRoutes.MapPost($"/resources/{Verb(command)}", ([FromServices] ResourceCommands commands) => All(command, commands))
                .WithName($"{command}AllResources").WithTags("Commands")
                .AddEndpointFilter(RefuseBodies)
                .Produces<BulkCommandAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        }
    }

    // A command takes no body; one that sends something expects it to count, so it is told it does not.
    private static async ValueTask<object?> RefuseBodies(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var problem = await http.RequestServices.GetRequiredService<JsonBodyReader>()
            .CheckNoBodyAsync(http.Request, $"POST {http.Request.Path}", http.RequestAborted).ConfigureAwait(false);
        return problem ?? await next(context).ConfigureAwait(false);
    }

    private static IResult One(string name, ResourceCommand command, ResourceCatalog catalog, ResourceCommands commands)
    {
        if (ApiQuery.CheckName(name) is { } invalid)
        {
            return invalid;
        }

        if (catalog.Find(name) is not { } resource)
        {
            return ApiProblems.NotFound(name);
        }

        var verdict = commands.Check(resource, command);
        if (verdict.Problem is { } problem)
        {
            return problem;
        }

        return commands.TryRun(resource, command)
            ? TypedResults.Accepted($"/api/v1/resources/{name}", new CommandAccepted(name, Verb(command), Accepted))
            : ApiProblems.Conflict($"A command on '{name}' is still running; try again once it is done.");
    }

    private static IResult All(ResourceCommand command, ResourceCommands commands)
    {
        var order = commands.InLaunchOrder();
        // Stop dependents before what they depend on; start and restart the other way round.
        var ordered = command == ResourceCommand.Stop ? order.Reverse().ToList() : order;
        var applicable = ordered.Where(r => commands.Check(r, command).IsAllowed).ToList();
        if (applicable.Count > 0 && !commands.TryRun(applicable, command))
        {
            return ApiProblems.Conflict("Another command is still running on some of the resources; try again once it is done.");
        }

        return TypedResults.Accepted("/api/v1/resources", new BulkCommandAccepted(Verb(command), applicable.Select(r => r.Name).ToList()));
    }

    private static string Verb(ResourceCommand command) => command.ToString().ToLowerInvariant();
}
