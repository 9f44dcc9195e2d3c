namespace Worker.Orders;

/// <summary>An order the worker has just processed.</summary>
public sealed record ProcessedOrder(long Id, string User, decimal Total);
