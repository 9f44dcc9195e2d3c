namespace Storefront.Clients;

/// <summary>Catalog's products and the replica that served them (its <c>X-Served-By</c> header).</summary>
public sealed record ProductList(IReadOnlyList<CatalogProduct> Products, string? ServedBy);
