namespace Catalog.Orders;

/// <summary>One line of a placed order, priced when it was placed.</summary>
public sealed record OrderLine(int ProductId, string Name, int Quantity, decimal UnitPrice);
