using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Api.Http.Contracts;
using Orchestrator.Api.Registration;

namespace Orchestrator.Api.Http;

/// <summary><c>POST /api/v1/resources</c> registers an external service; <c>DELETE /api/v1/resources/{name}</c> removes one.</summary>
internal static class RegistrationEndpoints
{
    public static void Map(IEndpointRouteBuilder operatorRoutes)
    {
        operatorRoutes.MapPost("/resources", RegisterAsync).WithName("RegisterResource").WithTags("Registration")
            .Accepts<RegistrationRequest>("application/json")
            .Produces<ResourceDetail>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        operatorRoutes.MapDelete("/resources/{name}", RemoveAsync).WithName("RemoveResource").WithTags("Registration")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> RegisterAsync(
        HttpContext context,
        [FromServices] JsonBodyReader reader,
        [FromServices] ResourceCatalog catalog,
        [FromServices] ResourceViews views,
        CancellationToken cancellationToken)
    {
        var (request, problem) = await reader.ReadAsync<RegistrationRequest>(context.Request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (registration, errors) = RegistrationValidator.Validate(request!, catalog.Exists);
        if (registration is null)
        {
            return ApiProblems.Validation(errors);
        }

        if (catalog.Registry is not { } registry)
        {
            return ApiProblems.Unavailable("Registration of external services is not available in this AppHost.");
        }

        if (catalog.Exists(registration.Name))
        {
            return ApiProblems.Conflict($"The name '{registration.Name}' is in use; choose another or remove the registered one first.");
        }

        var outcome = await registry.RegisterAsync(registration, cancellationToken).ConfigureAwait(false);
        return outcome.Status switch
        {
            RegistrationStatus.Registered when catalog.Find(registration.Name) is { } resource =>
                TypedResults.Created($"/api/v1/resources/{registration.Name}", views.Detail(resource)),
            RegistrationStatus.Registered => ApiProblems.Unavailable($"'{registration.Name}' was registered but is not visible yet."),
            RegistrationStatus.NameInUse => ApiProblems.Conflict($"The name '{registration.Name}' is in use."),
            _ => ApiProblems.Validation(outcome.Errors.Count > 0
                ? outcome.Errors
                : new Dictionary<string, string[]> { ["body"] = ["The registration was refused."] }),
        };
    }

    private static async Task<IResult> RemoveAsync(string name, [FromServices] ResourceCatalog catalog, CancellationToken cancellationToken)
    {
        if (ApiQuery.CheckName(name) is { } invalid)
        {
            return invalid;
        }

        if (catalog.Find(name) is not { } resource)
        {
            return ApiProblems.NotFound(name);
        }

        if (!resource.IsExternal || catalog.Registry is not { } registry)
        {
            return ApiProblems.Conflict($"'{name}' is part of the AppHost's model; only registered external services can be removed.");
        }

        return await registry.RemoveAsync(name, cancellationToken).ConfigureAwait(false) switch
        {
            RemovalStatus.Removed => TypedResults.NoContent(),
            RemovalStatus.NotFound => ApiProblems.NotFound(name),
            _ => ApiProblems.Conflict($"'{name}' cannot be removed."),
        };
    }
}
