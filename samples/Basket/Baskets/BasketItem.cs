namespace Basket.Baskets;

/// <summary>One product in a basket and how many of it.</summary>
public sealed record BasketItem(int ProductId, int Quantity);
