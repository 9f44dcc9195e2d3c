using Storefront.Clients;

namespace Storefront.Views;

/// <summary>Fetches products and basket in parallel and joins them; a failing service degrades the view instead of failing it.</summary>
public sealed partial class StorefrontViewBuilder(CatalogClient catalog, BasketClient basket, ILogger<StorefrontViewBuilder> logger)
{
    public async Task<StorefrontView> BuildAsync(string user, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        var productsTask = catalog.GetProductsAsync(cancellationToken);
        var basketTask = basket.GetAsync(user, cancellationToken);
        var problems = new List<string>();
        var products = await AwaitOrReportAsync(productsTask, problems);
        var contents = await AwaitOrReportAsync(basketTask, problems);

        var byId = (products?.Products ?? []).ToDictionary(p => p.Id);
        var pricedBasket = contents is null
            ? null
            : new StorefrontBasket(user, contents.Items
                .Select(i => byId.TryGetValue(i.ProductId, out var p)
                    ? new StorefrontBasketLine(i.ProductId, p.Name, i.Quantity, p.Price)
                    : new StorefrontBasketLine(i.ProductId, $"Product {i.ProductId}", i.Quantity, null))
                .ToList());
        return new StorefrontView(user, products?.Products ?? [], products?.ServedBy, pricedBasket, problems);
    }

    private async Task<T?> AwaitOrReportAsync<T>(Task<T> call, List<string> problems) where T : class
    {
        try
        {
            return await call;
        }
        catch (ServiceUnavailableException exception)
        {
            LogServiceFailed(exception.Service, exception.InnerException?.Message ?? exception.Message);
            problems.Add(exception.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storefront shows a degraded page: {Service} failed: {Reason}")]
    private partial void LogServiceFailed(string service, string reason);
}
