namespace Storefront.Views;

/// <summary>The body of <c>POST /api/orders</c>: whose basket to check out.</summary>
public sealed record PlaceOrder(string? User);
