using Storefront.Clients;

namespace Storefront.Views;

/// <summary>
/// Everything the storefront shows: the products, the user's basket, and what could not be fetched.
/// A service that is down leaves its part empty and adds a line to <see cref="Problems"/>, so the rest still shows.
/// </summary>
/// <param name="User">Whose basket this is.</param>
/// <param name="Products">Catalog's products; empty when Catalog is unreachable.</param>
/// <param name="CatalogServedBy">The catalog replica that answered (its <c>X-Served-By</c>), when known.</param>
/// <param name="Basket">The user's basket, or null when Basket is unreachable.</param>
/// <param name="Problems">One line per service that failed.</param>
public sealed record StorefrontView(
    string User,
    IReadOnlyList<CatalogProduct> Products,
    string? CatalogServedBy,
    StorefrontBasket? Basket,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when some part could not be fetched.</summary>
    public bool Degraded => Problems.Count > 0;
}
