namespace Samples.Shared;

/// <summary>The values of <c>orders.status</c>: Catalog writes <see cref="Pending"/>, Worker sets <see cref="Processed"/>.</summary>
internal static class OrderStatus
{
    public const string Pending = "pending";

    public const string Processed = "processed";
}
