namespace Catalog.Products;

/// <summary>A product as the API returns it.</summary>
public sealed record Product(int Id, string Sku, string Name, string Description, decimal Price);
