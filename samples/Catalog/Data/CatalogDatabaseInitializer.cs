using Npgsql;
using Samples.Shared;

namespace Catalog.Data;

/// <summary>
/// Creates the schema and seeds it before the service takes requests. The orchestrator starts Catalog
/// once the database is healthy, but a service run by hand may start first, so it retries for a while
/// before giving up with a clear error (a non-zero exit the orchestrator will see).
/// </summary>
public sealed partial class CatalogDatabaseInitializer(
    NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<CatalogDatabaseInitializer> logger)
{
    private const int MaxAttempts = 15;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CatalogSchema.EnsureCreatedAsync(dataSource, cancellationToken);
                var seeded = await ProductSeeder.SeedAsync(dataSource, cancellationToken);
                LogReady(seeded);
                return;
            }
            catch (NpgsqlException exception) when (attempt < MaxAttempts)
            {
                LogNotReady(attempt, MaxAttempts, exception.Message);
                await Task.Delay(RetryDelay, timeProvider, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog database ready ({Seeded} products seeded)")]
    private partial void LogReady(int seeded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog database not ready (attempt {Attempt} of {MaxAttempts}): {Reason}")]
    private partial void LogNotReady(int attempt, int maxAttempts, string reason);
}
