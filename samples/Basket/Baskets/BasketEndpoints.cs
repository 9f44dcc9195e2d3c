using System.Text.RegularExpressions;
using Basket.Cache;

namespace Basket.Baskets;

/// <summary>Maps <c>/api/basket</c>.</summary>
public static partial class BasketEndpoints
{
    public static IEndpointRouteBuilder MapBasketEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var baskets = endpoints.MapGroup("/api/basket/{user}")
            .AddEndpointFilter(RejectBadUserNames)
            .AddEndpointFilter(AnswerUnavailableWhenRedisIsDown);

        baskets.MapGet("/", async (string user, BasketStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.GetAsync(user, cancellationToken)));

        baskets.MapPost("/items", async Task<IResult> (string user, AddBasketItem item, BasketStore store, CancellationToken cancellationToken) =>
        {
            var errors = item.Validate();
            return errors.Count > 0
                ? TypedResults.ValidationProblem(errors)
                : TypedResults.Ok(await store.AddAsync(user, item, cancellationToken));
        });

        baskets.MapDelete("/", async (string user, BasketStore store, CancellationToken cancellationToken) =>
        {
            await store.ClearAsync(user, cancellationToken);
            return TypedResults.NoContent();
        });

        return endpoints;
    }

    // The user name becomes part of a Redis key: keep it to a plain, short alphabet.
    [GeneratedRegex("^[A-Za-z0-9_.@-]{1,64}$")]
    private static partial Regex UserName();

    private static async ValueTask<object?> RejectBadUserNames(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.GetRouteValue("user") as string;
        if (user is null || !UserName().IsMatch(user))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["user"] = ["A user name is 1 to 64 letters, digits, '_', '.', '@' or '-'."],
            });
        }

        return await next(context);
    }

    private static async ValueTask<object?> AnswerUnavailableWhenRedisIsDown(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (CacheUnavailableException exception)
        {
            return TypedResults.Problem(
                title: "The basket store is unavailable.", detail: exception.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
