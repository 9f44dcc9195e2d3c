using System.Net.Http.Json;

namespace Storefront.Clients;

/// <summary>
/// Talks to Catalog at <c>http://catalog</c>; ServiceDefaults' discovery handler turns that into one of
/// the replicas the orchestrator injected (<c>services__catalog__http__0..n</c>), in turn.
/// </summary>
public sealed class CatalogClient(HttpClient http)
{
    /// <summary>The logical address, resolved per request.</summary>
    public static readonly Uri BaseAddress = new("http://catalog");

    private const string Service = "catalog";

    /// <exception cref="ServiceUnavailableException">Catalog failed.</exception>
    public Task<ProductList> GetProductsAsync(CancellationToken cancellationToken) =>
        ServiceCall.RunAsync(Service, async () =>
        {
            using var response = await http.GetAsync(new Uri("/api/products", UriKind.Relative), cancellationToken);
            response.EnsureSuccessStatusCode();
            var products = await response.Content.ReadFromJsonAsync<List<CatalogProduct>>(cancellationToken) ?? [];
            var servedBy = response.Headers.TryGetValues("X-Served-By", out var values) ? values.FirstOrDefault() : null;
            return new ProductList(products, servedBy);
        }, cancellationToken);

    /// <summary>Places an order; Catalog's answer (201 with the order, or 400 with a problem) comes back as it is.</summary>
    /// <exception cref="ServiceUnavailableException">Catalog could not be reached.</exception>
    public Task<DownstreamReply> PlaceOrderAsync(string user, IEnumerable<BasketEntry> items, CancellationToken cancellationToken) =>
        ServiceCall.RunAsync(Service, async () =>
        {
            var request = new { user, items = items.Select(i => new { productId = i.ProductId, quantity = i.Quantity }) };
            using var response = await http.PostAsJsonAsync(new Uri("/api/orders", UriKind.Relative), request, cancellationToken);
            return await DownstreamReply.ReadAsync(response, cancellationToken);
        }, cancellationToken);
}
