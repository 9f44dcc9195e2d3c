namespace Storefront.Views;

/// <summary>A user's basket, priced from the catalog.</summary>
public sealed record StorefrontBasket(string User, IReadOnlyList<StorefrontBasketLine> Lines)
{
    /// <summary>The sum of the priced lines.</summary>
    public decimal Total => Lines.Sum(l => l.LineTotal ?? 0);
}
