namespace Catalog.Orders;

/// <summary>One line of an order as a client asks for it: which product and how many.</summary>
public sealed record OrderItem(int ProductId, int Quantity);
