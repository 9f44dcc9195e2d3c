namespace Catalog.Orders;

/// <summary>An order as the API returns it; Worker moves it from <c>pending</c> to <c>processed</c>.</summary>
public sealed record Order(
    long Id,
    string User,
    IReadOnlyList<OrderLine> Items,
    decimal Total,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ProcessedAt,
    string? ProcessedBy);
