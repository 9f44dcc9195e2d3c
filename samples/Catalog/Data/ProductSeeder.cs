using Npgsql;

namespace Catalog.Data;

/// <summary>Fills an empty catalog with a few products, so the demo has something to show.</summary>
public static class ProductSeeder
{
    // ON CONFLICT lets two replicas seed at once: the second waits on the first's SKUs, then skips them.
    private const string SeedSql = """
        INSERT INTO products (sku, name, description, price)
        SELECT sku, name, description, price FROM (VALUES
            ('MUG-001', 'Orchestrator mug', 'Holds coffee through every restart.', 12.50),
            ('TEE-001', 'Circuit breaker T-shirt', 'Open, half-open, closed. Cotton.', 24.00),
            ('STK-001', 'Quarantine sticker pack', 'Five stickers for misbehaving laptops.', 4.99),
            ('CAP-001', 'Health probe cap', 'Answers 200 in any weather.', 18.75),
            ('BOOK-01', 'Distributed systems field guide', 'What to do when the network lies.', 39.90)
        ) AS seed (sku, name, description, price)
        WHERE NOT EXISTS (SELECT 1 FROM products)
        ON CONFLICT (sku) DO NOTHING
        """;

    /// <summary>Inserts the demo products when the table is empty; returns how many it inserted.</summary>
    public static async Task<int> SeedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(SeedSql);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
