namespace Storefront.Clients;

/// <summary>A basket as Basket returns it.</summary>
public sealed record BasketContents(string User, IReadOnlyList<BasketEntry> Items);
