using Catalog.Data;

namespace Catalog.Orders;

/// <summary>Maps <c>/api/orders</c>.</summary>
public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var orders = endpoints.MapGroup("/api/orders").AddEndpointFilter(DatabaseUnavailableFilter.InvokeAsync);

        orders.MapPost("/", async Task<IResult> (NewOrder request, OrderStore store, CancellationToken cancellationToken) =>
        {
            var errors = request.Validate();
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            var placement = await store.PlaceAsync(request, cancellationToken);
            return placement.Order is { } order
                ? TypedResults.Created($"/api/orders/{order.Id}", order)
                : TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["items"] = [$"No such products: {string.Join(", ", placement.UnknownProductIds)}."],
                });
        });

        orders.MapGet("/{id:long}", async Task<IResult> (long id, OrderStore store, CancellationToken cancellationToken) =>
            await store.FindAsync(id, cancellationToken) is { } order
                ? TypedResults.Ok(order)
                : TypedResults.NotFound());

        return endpoints;
    }
}
