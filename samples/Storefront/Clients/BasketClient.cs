using System.Net.Http.Json;

namespace Storefront.Clients;

/// <summary>Talks to Basket at <c>http://basket</c>, resolved by ServiceDefaults' discovery handler.</summary>
public sealed class BasketClient(HttpClient http)
{
    /// <summary>The logical address, resolved per request.</summary>
    public static readonly Uri BaseAddress = new("http://basket");

    private const string Service = "basket";

    /// <exception cref="ServiceUnavailableException">Basket failed.</exception>
    public Task<BasketContents> GetAsync(string user, CancellationToken cancellationToken) =>
        ServiceCall.RunAsync(Service, async () =>
            await http.GetFromJsonAsync<BasketContents>(BasketPath(user), cancellationToken) ?? new BasketContents(user, []),
            cancellationToken);

    /// <summary>Adds to the basket; Basket's answer (200 with the basket, or a problem) comes back as it is.</summary>
    /// <exception cref="ServiceUnavailableException">Basket could not be reached.</exception>
    public Task<DownstreamReply> AddAsync(string user, int productId, int quantity, CancellationToken cancellationToken) =>
        ServiceCall.RunAsync(Service, async () =>
        {
            using var response = await http.PostAsJsonAsync(
                new Uri($"{BasketPath(user)}/items", UriKind.Relative), new { productId, quantity }, cancellationToken);
            return await DownstreamReply.ReadAsync(response, cancellationToken);
        }, cancellationToken);

    /// <exception cref="ServiceUnavailableException">Basket failed.</exception>
    public Task ClearAsync(string user, CancellationToken cancellationToken) =>
        ServiceCall.RunAsync(Service, async () =>
        {
            using var response = await http.DeleteAsync(BasketPath(user), cancellationToken);
            response.EnsureSuccessStatusCode();
            return true;
        }, cancellationToken);

    private static Uri BasketPath(string user) => new($"/api/basket/{Uri.EscapeDataString(user)}", UriKind.Relative);
}
