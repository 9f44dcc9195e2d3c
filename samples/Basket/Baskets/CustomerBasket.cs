namespace Basket.Baskets;

/// <summary>A user's basket: its items, ordered by product id; empty when the user has none.</summary>
public sealed record CustomerBasket(string User, IReadOnlyList<BasketItem> Items);
