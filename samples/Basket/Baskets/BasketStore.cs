using System.Globalization;
using Basket.Cache;
using Orchestrator.Hosting.Redis;

namespace Basket.Baskets;

/// <summary>
/// Keeps each basket as a Redis hash, <c>basket:{user}</c>, from product id to quantity. A basket left
/// alone for <see cref="TimeToLive"/> expires.
/// </summary>
public sealed class BasketStore(RedisConnection redis)
{
    /// <summary>How long an untouched basket lives.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromDays(30);

    public async Task<CustomerBasket> GetAsync(string user, CancellationToken cancellationToken)
    {
        var reply = await redis.ExecuteAsync(["HGETALL", Key(user)], idempotent: true, cancellationToken);
        var fields = reply.Items ?? [];
        var items = new List<BasketItem>(fields.Count / 2);
        for (var i = 0; i + 1 < fields.Count; i += 2)
        {
            if (int.TryParse(fields[i].Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var productId)
                && int.TryParse(fields[i + 1].Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity)
                && quantity > 0)
            {
                items.Add(new BasketItem(productId, quantity));
            }
        }

        return new CustomerBasket(user, items.OrderBy(item => item.ProductId).ToList());
    }

    /// <summary>Adds to the quantity of one product and returns the basket as it is now.</summary>
    public async Task<CustomerBasket> AddAsync(string user, AddBasketItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var key = Key(user);
        await redis.ExecuteAsync(
            ["HINCRBY", key, Invariant(item.ProductId), Invariant(item.Quantity)], idempotent: false, cancellationToken);
        await redis.ExecuteAsync(
            ["EXPIRE", key, Invariant((long)TimeToLive.TotalSeconds)], idempotent: true, cancellationToken);
        return await GetAsync(user, cancellationToken);
    }

    /// <summary>Empties the basket; false when there was none.</summary>
    public async Task<bool> ClearAsync(string user, CancellationToken cancellationToken)
    {
        var reply = await redis.ExecuteAsync(["DEL", Key(user)], idempotent: true, cancellationToken);
        return reply is { Kind: RespKind.Integer, Text: not "0" };
    }

    private static string Key(string user) => $"basket:{user}";

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
