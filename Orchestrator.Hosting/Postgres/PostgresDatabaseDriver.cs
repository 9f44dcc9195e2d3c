using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Orchestration;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Postgres;

/// <summary>
/// Runs a <see cref="PostgresDatabaseResource"/>: a database inside its server, with no process of its
/// own. It is created (when missing) by <see cref="OnHealthyAsync"/>, which the executor calls once the
/// server is healthy and before it probes the database; its health is a query on its connection string.
/// </summary>
public sealed class PostgresDatabaseDriver(ILogger<PostgresDatabaseDriver> logger) : IResourceDriver
{
    // PostgreSQL cuts longer names silently (NAMEDATALEN - 1), so a longer name would never be found again.
    private const int MaxIdentifierBytes = 63;

    /// <inheritdoc />
    public bool CanRun(IResource resource) => resource is PostgresDatabaseResource;

    /// <inheritdoc />
    /// <remarks>Only checks the name: the server is not running yet.</remarks>
    public Task PrepareAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken)
    {
        var database = (PostgresDatabaseResource)resource;
        if (Encoding.UTF8.GetByteCount(database.DatabaseName) > MaxIdentifierBytes)
        {
            throw new ResourceStartException(
                database.Name,
                $"The database name '{database.DatabaseName}' is longer than PostgreSQL's {MaxIdentifierBytes} bytes. Give AddDatabase a shorter databaseName.",
                []);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <returns>Always null: the database lives in its server's process.</returns>
    public ProcessSpec? CreateProcessSpec(ReplicaContext replica) => null;

    /// <inheritdoc />
    public IHealthProbe? CreateHealthProbe(ReplicaContext replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var database = (PostgresDatabaseResource)replica.Resource;
        return new PostgresHealthProbe(database.GetConnectionString(replica.Runtime));
    }

    /// <summary>
    /// Creates the database when it does not exist yet (<c>CREATE DATABASE</c>, idempotent, safe when
    /// two AppHosts race). Ordering contract: for this resource without a process, the executor calls
    /// this right after the parent server is healthy and <em>before</em> the first probe of
    /// <see cref="CreateHealthProbe"/>, because the probe connects to the database and fails until it exists.
    /// </summary>
    public async Task OnHealthyAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken)
    {
        var database = (PostgresDatabaseResource)resource;
        var connectionString = new NpgsqlConnectionStringBuilder(
            PostgresConnections.ForReplica(database.Server, runtime, replica: 0, database: "postgres"))
        {
            Pooling = false,
        }.ConnectionString;
        var connection = new NpgsqlConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (await ExistsAsync(connection, database.DatabaseName, cancellationToken).ConfigureAwait(false))
            {
                logger.LogDebug("Database {Database} of {Resource} exists", database.DatabaseName, database.Name);
                return;
            }

            try
            {
                var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database.DatabaseName)}", connection);
                await using (create.ConfigureAwait(false))
                {
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                logger.LogInformation("Created database {Database} for {Resource}", database.DatabaseName, database.Name);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Someone else created it between the check and the CREATE: that is the state we wanted.
            }
        }
    }

    /// <summary>Quotes a name for SQL: double quotes around it, inner double quotes doubled.</summary>
    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        var query = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", connection)
        {
            Parameters = { new NpgsqlParameter { Value = name } },
        };
        await using (query.ConfigureAwait(false))
        {
            return await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
        }
    }
}
