namespace Catalog.Products;

/// <summary>The body of <c>POST /api/products</c>. Without a SKU, one is generated.</summary>
public sealed record NewProduct(string? Name, decimal? Price, string? Description = null, string? Sku = null)
{
    /// <summary>What is wrong with the request, by field; empty when it is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["A product needs a name."];
        }

        if (Price is null or < 0)
        {
            errors["price"] = ["A product needs a price of 0 or more."];
        }

        return errors;
    }
}
