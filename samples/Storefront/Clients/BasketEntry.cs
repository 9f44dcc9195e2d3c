namespace Storefront.Clients;

/// <summary>One item of a basket as Basket returns it.</summary>
public sealed record BasketEntry(int ProductId, int Quantity);
