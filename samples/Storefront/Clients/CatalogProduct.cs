namespace Storefront.Clients;

/// <summary>A product as Catalog returns it.</summary>
public sealed record CatalogProduct(int Id, string Sku, string Name, string Description, decimal Price);
