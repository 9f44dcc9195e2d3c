namespace Catalog.Orders;

/// <summary>The body of <c>POST /api/orders</c>.</summary>
public sealed record NewOrder(string? User, IReadOnlyList<OrderItem>? Items)
{
    /// <summary>The most of one product a single order may hold.</summary>
    public const int MaxQuantity = 1000;

    /// <summary>What is wrong with the request, by field; empty when it is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(User))
        {
            errors["user"] = ["An order needs a user."];
        }

        if (Items is not { Count: > 0 })
        {
            errors["items"] = ["An order needs at least one item."];
        }
        else if (Items.Any(i => i.Quantity is < 1 or > MaxQuantity))
        {
            errors["items"] = [$"Each quantity must be between 1 and {MaxQuantity}."];
        }

        return errors;
    }
}
