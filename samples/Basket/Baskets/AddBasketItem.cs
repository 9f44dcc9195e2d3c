namespace Basket.Baskets;

/// <summary>The body of <c>POST /api/basket/{user}/items</c>: adds <see cref="Quantity"/> of a product.</summary>
public sealed record AddBasketItem(int ProductId, int Quantity)
{
    /// <summary>The most of one product a single request may add.</summary>
    public const int MaxQuantity = 1000;

    /// <summary>What is wrong with the request, by field; empty when it is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (ProductId <= 0)
        {
            errors["productId"] = ["A product id is a positive number."];
        }

        if (Quantity is < 1 or > MaxQuantity)
        {
            errors["quantity"] = [$"The quantity must be between 1 and {MaxQuantity}."];
        }

        return errors;
    }
}
