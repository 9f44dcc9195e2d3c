namespace Catalog.Orders;

/// <summary>The outcome of placing an order: the order, or the product ids that do not exist.</summary>
public sealed record OrderPlacement(Order? Order, IReadOnlyList<int> UnknownProductIds);
