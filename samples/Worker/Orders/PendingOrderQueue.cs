using Npgsql;
using Samples.Shared;

namespace Worker.Orders;

/// <summary>
/// The <c>orders</c> table seen as a queue. Claiming uses <c>FOR UPDATE SKIP LOCKED</c>, so any number of
/// workers can poll together: each order is locked by exactly one of them, and the others skip it
/// instead of waiting.
/// </summary>
public sealed class PendingOrderQueue(NpgsqlDataSource dataSource)
{
    private const string ClaimSql = """
        SELECT id, user_name, total FROM orders
        WHERE status = @pending
        ORDER BY id
        LIMIT @batch
        FOR UPDATE SKIP LOCKED
        """;

    private const string CompleteSql = """
        UPDATE orders SET status = @processed, processed_at = now(), processed_by = @worker
        WHERE id = ANY(@ids)
        """;

    /// <summary>Claims up to <paramref name="batchSize"/> pending orders, processes them and marks them processed, in one transaction.</summary>
    /// <param name="batchSize">The most orders to claim.</param>
    /// <param name="workerId">Who processed them, kept in <c>processed_by</c>.</param>
    /// <param name="cancellationToken">Cancels the work; nothing is marked then.</param>
    public async Task<IReadOnlyList<ProcessedOrder>> ProcessBatchAsync(int batchSize, string workerId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claimed = new List<ProcessedOrder>();
        await using (var claim = new NpgsqlCommand(ClaimSql, connection, transaction))
        {
            claim.Parameters.AddWithValue("pending", OrderStatus.Pending);
            claim.Parameters.AddWithValue("batch", batchSize);
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new ProcessedOrder(reader.GetInt64(0), reader.GetString(1), reader.GetDecimal(2)));
            }
        }

        if (claimed.Count == 0)
        {
            return claimed;
        }

        // A real worker would charge, ship or email here, while the rows are locked; the demo only marks them.
        await using (var complete = new NpgsqlCommand(CompleteSql, connection, transaction))
        {
            complete.Parameters.AddWithValue("processed", OrderStatus.Processed);
            complete.Parameters.AddWithValue("worker", workerId);
            complete.Parameters.AddWithValue("ids", claimed.Select(o => o.Id).ToArray());
            await complete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }
}
