using System.Globalization;
using Npgsql;

namespace Orchestrator.Hosting.Health;

/// <summary>Healthy when a fresh connection runs <c>SELECT 1</c>: the server accepts logins and answers queries, not just TCP.</summary>
public sealed class PostgresHealthProbe : IHealthProbe
{
    private readonly string _connectionString;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;

    /// <param name="connectionString">An Npgsql connection string (with its password; it is never shown).</param>
    /// <param name="timeout">How long connect and query may take; <see cref="HealthProbeDefaults.Timeout"/> by default.</param>
    /// <param name="timeProvider">The clock for timestamps, durations and the timeout.</param>
    public PostgresHealthProbe(string connectionString, TimeSpan? timeout = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _timeout = timeout ?? HealthProbeDefaults.Timeout;
        _timeProvider = timeProvider ?? TimeProvider.System;
        var seconds = Math.Max(1, (int)Math.Ceiling(_timeout.TotalSeconds));
        // No pool: a pooled connection would answer from a server that no longer accepts new logins.
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            Timeout = seconds,
            CommandTimeout = seconds,
        };
        _connectionString = builder.ConnectionString;
        Description = string.Create(
            CultureInfo.InvariantCulture,
            $"PostgreSQL SELECT 1 on {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? "postgres"}");
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public Task<HealthProbeResult> ProbeAsync(CancellationToken cancellationToken) =>
        TimedProbe.RunAsync(_timeProvider, _timeout, QueryAsync, cancellationToken);

    private async Task<string?> QueryAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand("SELECT 1", connection);
            await using (command.ConfigureAwait(false))
            {
                var answer = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return answer is 1 ? null : $"SELECT 1 answered '{answer}'";
            }
        }
    }
}
