namespace Storefront.Views;

/// <summary>The body of the storefront's <c>POST /api/basket/{user}/items</c>, passed on to Basket.</summary>
public sealed record AddToBasket(int ProductId, int Quantity = 1);
