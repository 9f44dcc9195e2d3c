namespace Storefront.Views;

/// <summary>One basket line joined with its product: name and price from Catalog, quantity from Basket.</summary>
public sealed record StorefrontBasketLine(int ProductId, string Name, int Quantity, decimal? UnitPrice)
{
    /// <summary>Quantity times price; null when Catalog could not price the product.</summary>
    public decimal? LineTotal => UnitPrice * Quantity;
}
