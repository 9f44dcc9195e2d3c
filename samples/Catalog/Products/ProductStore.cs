using Npgsql;

namespace Catalog.Products;

/// <summary>Reads and writes the <c>products</c> table.</summary>
public sealed class ProductStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, sku, name, description, price";

    public async Task<IReadOnlyList<Product>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM products ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var products = new List<Product>();
        while (await reader.ReadAsync(cancellationToken))
        {
            products.Add(Read(reader));
        }

        return products;
    }

    public async Task<Product?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM products WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Adds a product; null when its SKU is taken.</summary>
    public async Task<Product?> AddAsync(NewProduct product, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(product);
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO products (sku, name, description, price) VALUES (@sku, @name, @description, @price)
            ON CONFLICT (sku) DO NOTHING
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("sku", string.IsNullOrWhiteSpace(product.Sku) ? $"SKU-{Guid.NewGuid():N}"[..12] : product.Sku.Trim());
        command.Parameters.AddWithValue("name", product.Name!.Trim());
        command.Parameters.AddWithValue("description", product.Description?.Trim() ?? string.Empty);
        command.Parameters.AddWithValue("price", product.Price!.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static Product Read(NpgsqlDataReader reader) =>
        new(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDecimal(4));
}
