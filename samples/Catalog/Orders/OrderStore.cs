using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Samples.Shared;

namespace Catalog.Orders;

/// <summary>Writes orders into the <c>orders</c> table, where Worker picks them up.</summary>
public sealed class OrderStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, user_name, items, total, status, created_at, processed_at, processed_by";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Prices the items from the catalog and stores the order as pending.</summary>
    public async Task<OrderPlacement> PlaceAsync(NewOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var quantities = order.Items!
            .GroupBy(i => i.ProductId)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        var products = await FindProductsAsync(quantities.Keys.ToArray(), cancellationToken);
        var unknown = quantities.Keys.Where(id => !products.ContainsKey(id)).Order().ToList();
        if (unknown.Count > 0)
        {
            return new OrderPlacement(null, unknown);
        }

        var lines = quantities
            .Select(q => new OrderLine(q.Key, products[q.Key].Name, q.Value, products[q.Key].Price))
            .OrderBy(l => l.ProductId)
            .ToList();
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO orders (user_name, items, total, status) VALUES (@user, @items, @total, @status)
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("user", order.User!.Trim());
        command.Parameters.Add(new NpgsqlParameter("items", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(lines, Json) });
        command.Parameters.AddWithValue("total", lines.Sum(l => l.UnitPrice * l.Quantity));
        command.Parameters.AddWithValue("status", OrderStatus.Pending);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OrderPlacement(Read(reader), []);
    }

    public async Task<Order?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM orders WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private async Task<Dictionary<int, (string Name, decimal Price)>> FindProductsAsync(int[] ids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, name, price FROM products WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var products = new Dictionary<int, (string, decimal)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            products[reader.GetInt32(0)] = (reader.GetString(1), reader.GetDecimal(2));
        }

        return products;
    }

    private static Order Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        JsonSerializer.Deserialize<List<OrderLine>>(reader.GetString(2), Json) ?? [],
        reader.GetDecimal(3),
        reader.GetString(4),
        reader.GetFieldValue<DateTimeOffset>(5),
        reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
        reader.IsDBNull(7) ? null : reader.GetString(7));
}
