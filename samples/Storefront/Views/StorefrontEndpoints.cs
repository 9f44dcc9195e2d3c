using System.Text.RegularExpressions;
using Storefront.Clients;

namespace Storefront.Views;

/// <summary>Maps the page and the storefront's API.</summary>
public static partial class StorefrontEndpoints
{
    private const string DefaultUser = "guest";

    public static IEndpointRouteBuilder MapStorefrontEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var storefront = endpoints.MapGroup("/").AddEndpointFilter(AnswerBadGatewayWhenAServiceFails);

        storefront.MapGet("/", async Task<IResult> (string? user, StorefrontViewBuilder views, CancellationToken cancellationToken) =>
        {
            var name = string.IsNullOrWhiteSpace(user) ? DefaultUser : user;
            return IsValidUser(name)
                ? TypedResults.Content(StorefrontPage.Render(await views.BuildAsync(name, cancellationToken)), "text/html; charset=utf-8")
                : InvalidUser();
        });

        storefront.MapGet("/api/storefront", async Task<IResult> (string? user, StorefrontViewBuilder views, CancellationToken cancellationToken) =>
        {
            var name = string.IsNullOrWhiteSpace(user) ? DefaultUser : user;
            return IsValidUser(name) ? TypedResults.Ok(await views.BuildAsync(name, cancellationToken)) : InvalidUser();
        });

        storefront.MapPost("/api/basket/{user}/items", async Task<IResult> (
            string user, AddToBasket item, BasketClient basket, CancellationToken cancellationToken) =>
        {
            if (!IsValidUser(user))
            {
                return InvalidUser();
            }

            var reply = await basket.AddAsync(user, item.ProductId, item.Quantity, cancellationToken);
            return TypedResults.Json(reply.Body, statusCode: reply.StatusCode);
        });

        storefront.MapPost("/api/orders", PlaceOrderAsync);
        return endpoints;
    }

    /// <summary>Checks out: the user's basket becomes a pending order in Catalog (Worker processes it), then the basket is emptied.</summary>
    private static async Task<IResult> PlaceOrderAsync(
        PlaceOrder request, BasketClient basket, CatalogClient catalog, ILogger<StorefrontView> logger, CancellationToken cancellationToken)
    {
        if (request.User is not { } user || !IsValidUser(user))
        {
            return InvalidUser();
        }

        var contents = await basket.GetAsync(user, cancellationToken);
        if (contents.Items.Count == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["items"] = ["The basket is empty."] });
        }

        var order = await catalog.PlaceOrderAsync(user, contents.Items, cancellationToken);
        if (!order.IsSuccess)
        {
            // Catalog's own problem (an unknown product) is the caller's to see, as Catalog worded it.
            return TypedResults.Json(order.Body, statusCode: order.StatusCode);
        }

        try
        {
            await basket.ClearAsync(user, cancellationToken);
        }
        catch (ServiceUnavailableException exception)
        {
            // The order stands; a basket left full is the lesser harm, and the user sees it on the page.
            logger.LogWarning("Order placed for {User} but the basket was not emptied: {Reason}", user, exception.Message);
        }

        return TypedResults.Json(order.Body, statusCode: StatusCodes.Status201Created);
    }

    private static async ValueTask<object?> AnswerBadGatewayWhenAServiceFails(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ServiceUnavailableException exception)
        {
            return TypedResults.Problem(
                title: $"The {exception.Service} service is unavailable.",
                detail: exception.InnerException?.Message,
                statusCode: StatusCodes.Status502BadGateway);
        }
    }

    private static bool IsValidUser(string user) => UserName().IsMatch(user);

    private static IResult InvalidUser() => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["user"] = ["A user name is 1 to 64 letters, digits, '_', '.', '@' or '-'."],
    });

    // Basket's rule, checked here too so a bad name fails before any call.
    [GeneratedRegex("^[A-Za-z0-9_.@-]{1,64}$")]
    private static partial Regex UserName();
}
