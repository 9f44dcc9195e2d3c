using Microsoft.Extensions.Hosting.Telemetry;
using Microsoft.Extensions.Options;
using Npgsql;
using Samples.Shared;

namespace Worker.Orders;

/// <summary>
/// Polls for pending orders on a timer and drains them batch by batch. A database that is down is
/// logged and retried on the next tick, never fatal: the worker stays up, its <c>/health</c> says the
/// database is unreachable, and it resumes by itself once the database is back.
/// </summary>
public sealed partial class OrderProcessor(
    NpgsqlDataSource dataSource,
    PendingOrderQueue queue,
    IOptions<OrderProcessingOptions> options,
    ServiceIdentity identity,
    TimeProvider timeProvider,
    ILogger<OrderProcessor> logger) : BackgroundService
{
    private bool _schemaReady;
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        LogStarting(settings.PollInterval, settings.BatchSize);
        using var timer = new PeriodicTimer(settings.PollInterval, timeProvider);
        do
        {
            try
            {
                await PollAsync(settings.BatchSize, stoppingToken);
                if (_failing)
                {
                    _failing = false;
                    LogRecovered();
                }
            }
            catch (NpgsqlException exception)
            {
                // Logged once per outage, not once per tick.
                if (!_failing)
                {
                    _failing = true;
                    LogDatabaseUnavailable(exception.Message);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task PollAsync(int batchSize, CancellationToken cancellationToken)
    {
        if (!_schemaReady)
        {
            await CatalogSchema.EnsureCreatedAsync(dataSource, cancellationToken);
            _schemaReady = true;
        }

        IReadOnlyList<ProcessedOrder> batch;
        do
        {
            batch = await queue.ProcessBatchAsync(batchSize, identity.InstanceId, cancellationToken);
            foreach (var order in batch)
            {
                LogProcessed(order.Id, order.User, order.Total);
            }
        }
        while (batch.Count == batchSize && !cancellationToken.IsCancellationRequested);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processing orders every {PollInterval}, up to {BatchSize} at a time")]
    private partial void LogStarting(TimeSpan pollInterval, int batchSize);

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed order {OrderId} for {User} (total {Total})")]
    private partial void LogProcessed(long orderId, string user, decimal total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog database unavailable, retrying on every tick: {Reason}")]
    private partial void LogDatabaseUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog database reachable again; processing resumed")]
    private partial void LogRecovered();
}
