using Catalog.Data;

namespace Catalog.Products;

/// <summary>Maps <c>/api/products</c>.</summary>
public static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var products = endpoints.MapGroup("/api/products").AddEndpointFilter(DatabaseUnavailableFilter.InvokeAsync);

        products.MapGet("/", async (ProductStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.ListAsync(cancellationToken)));

        products.MapGet("/{id:int}", async Task<IResult> (int id, ProductStore store, CancellationToken cancellationToken) =>
            await store.FindAsync(id, cancellationToken) is { } product
                ? TypedResults.Ok(product)
                : TypedResults.NotFound());

        products.MapPost("/", async Task<IResult> (NewProduct request, ProductStore store, CancellationToken cancellationToken) =>
        {
            var errors = request.Validate();
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

            return await store.AddAsync(request, cancellationToken) is { } product
                ? TypedResults.Created($"/api/products/{product.Id}", product)
                : TypedResults.Conflict(new { error = $"A product with SKU '{request.Sku}' exists already." });
        });

        return endpoints;
    }
}
