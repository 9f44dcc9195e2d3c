using System.Net.Sockets;
using Orchestrator.Hosting.Redis;

namespace Basket.Cache;

/// <summary>
/// One Redis connection shared by every request. <see cref="RespClient"/> runs one command at a time,
/// so a semaphore takes turns; a demo basket needs no more throughput than that. Any failure drops the
/// connection (a half-read reply would desynchronize it) and the next command connects afresh, so the
/// service recovers by itself when Redis restarts.
/// </summary>
public sealed partial class RedisConnection : IAsyncDisposable
{
    // A Redis that stops answering (paused, partitioned) must fail a request, not hang it.
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(5);

    private readonly string _connectionString;
    private readonly string _address;
    private readonly ILogger<RedisConnection> _logger;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private RespClient? _client;

    /// <summary>Creates the connection; it connects on first use.</summary>
    /// <param name="connectionString">Aspire's format: <c>host:port,password=...</c>.</param>
    /// <param name="logger">Logs connects and drops; never the password.</param>
    public RedisConnection(string connectionString, ILogger<RedisConnection> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(logger);
        _connectionString = connectionString;
        _address = connectionString.Split(',', 2)[0].Trim();
        _logger = logger;
    }

    /// <summary>
    /// Runs one command. When the connection was left over from earlier calls and fails, an
    /// <paramref name="idempotent"/> command is sent once more on a fresh connection: after a Redis
    /// restart the first command meets a dead socket. Commands that are not idempotent (<c>HINCRBY</c>)
    /// are never sent twice, since the first may have been applied before the reply was lost. A timeout is
    /// not retried: a Redis that does not answer would only double the wait.
    /// </summary>
    /// <exception cref="CacheUnavailableException">Redis is unreachable, timed out or answered with an error.</exception>
    public async Task<RespValue> ExecuteAsync(string[] command, bool idempotent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            var reused = _client is not null;
            try
            {
                return await ExecuteOnceAsync(command, cancellationToken);
            }
            catch (CacheUnavailableException exception) when (reused && idempotent && exception.InnerException is not OperationCanceledException)
            {
                LogRetrying(command[0]);
                return await ExecuteOnceAsync(command, cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        _turn.Dispose();
    }

    private async Task<RespValue> ExecuteOnceAsync(string[] command, CancellationToken cancellationToken)
    {
        try
        {
            if (_client is null)
            {
                using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                connectTimeout.CancelAfter(ConnectTimeout);
                _client = await RespClient.ConnectAsync(_connectionString, connectTimeout.Token);
                LogConnected(_address);
            }

            using var commandTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            commandTimeout.CancelAfter(CommandTimeout);
            return await _client.ExecuteAsync(commandTimeout.Token, command);
        }
        catch (Exception exception) when (exception is IOException or SocketException or RespException or ObjectDisposedException
            or OperationCanceledException)
        {
            // Whatever happened, the connection's state is unknown now: the next command starts on a new one.
            await DropAsync();
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            LogDropped(_address, command[0], exception.Message);
            var reason = exception is OperationCanceledException ? "timed out" : exception.Message;
            throw new CacheUnavailableException($"Redis at {_address} failed on {command[0]}: {reason}", exception);
        }
    }

    private async Task DropAsync()
    {
        if (_client is { } client)
        {
            _client = null;
            await client.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to Redis at {Address}")]
    private partial void LogConnected(string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis at {Address} failed on {Command}; dropping the connection: {Reason}")]
    private partial void LogDropped(string address, string command, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending {Command} again on a fresh connection")]
    private partial void LogRetrying(string command);
}
