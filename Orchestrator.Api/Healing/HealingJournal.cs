using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Healing;

/// <summary>
/// The durable healing history: every detection and action, in SQLite under the state directory,
/// appended before the healer acts on it. Survives a crash or restart of the orchestrator;
/// keeps what <see cref="HealingJournalOptions"/> says to keep. Safe for concurrent callers.
/// </summary>
public sealed class HealingJournal : IAsyncDisposable, IDisposable
{
    private const string Columns = "id, timestamp, resource, replica, kind, attempt, tier, action, delay, message";

    private readonly HealingJournalOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<HealingJournal> _logger;
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;

    // SQLite takes one writer at a time; queueing here keeps in-process writers from meeting SQLITE_BUSY.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private int _appendsSincePrune;
    private bool _disposed;

    private HealingJournal(HealingJournalOptions options, TimeProvider timeProvider, ILogger<HealingJournal> logger, string connectionString)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _connectionString = connectionString;
        _writer = new SqliteConnection(connectionString);
    }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath => _options.DatabasePath;

    /// <summary>Opens the journal at <see cref="HealingJournalOptions.DatabasePath"/>, creating it when missing, and prunes it.</summary>
    public static async Task<HealingJournal> OpenAsync(
        HealingJournalOptions options, TimeProvider timeProvider, ILogger<HealingJournal> logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.DatabasePath);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PruneEveryAppends, 1);

        var path = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();

        var journal = new HealingJournal(options with { DatabasePath = path }, timeProvider, logger, connectionString);
        try
        {
            await journal.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await journal.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return journal;
    }

    /// <summary>Appends <paramref name="record"/> and returns it with its id, once it is committed (in the WAL; a crash of the orchestrator cannot lose it).</summary>
    public async Task<HealingRecord> AppendAsync(HealingRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.Resource);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await using var command = _writer.CreateCommand();
            command.CommandText =
                "INSERT INTO healing_records (timestamp, resource, replica, kind, attempt, tier, action, delay, message) " +
                "VALUES ($timestamp, $resource, $replica, $kind, $attempt, $tier, $action, $delay, $message); SELECT last_insert_rowid();";
            command.Parameters.AddWithValue("$timestamp", record.Timestamp.UtcTicks);
            command.Parameters.AddWithValue("$resource", record.Resource);
            command.Parameters.AddWithValue("$replica", (object?)record.Replica ?? DBNull.Value);
            command.Parameters.AddWithValue("$kind", record.Kind.ToString());
            command.Parameters.AddWithValue("$attempt", (object?)record.Attempt ?? DBNull.Value);
            command.Parameters.AddWithValue("$tier", (object?)record.Tier ?? DBNull.Value);
            command.Parameters.AddWithValue("$action", (object?)record.Action?.ToString() ?? DBNull.Value);
            command.Parameters.AddWithValue("$delay", (object?)record.Delay?.Ticks ?? DBNull.Value);
            command.Parameters.AddWithValue("$message", (object?)record.Message ?? DBNull.Value);
            var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

            if (++_appendsSincePrune >= _options.PruneEveryAppends)
            {
                await PruneCoreAsync(cancellationToken).ConfigureAwait(false);
            }

            return record with { Id = id };
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The records that match <paramref name="query"/>, newest first.</summary>
    public async Task<IReadOnlyList<HealingRecord>> QueryAsync(HealingQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Readers use their own pooled connections: in WAL mode they do not wait for the writer.
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM healing_records WHERE 1 = 1");
        if (query.Resource is not null)
        {
            sql.Append(" AND resource = $resource");
            command.Parameters.AddWithValue("$resource", query.Resource);
        }

        if (query.Since is { } since)
        {
            sql.Append(" AND timestamp >= $since");
            command.Parameters.AddWithValue("$since", since.UtcTicks);
        }

        if (query.Until is { } until)
        {
            sql.Append(" AND timestamp < $until");
            command.Parameters.AddWithValue("$until", until.UtcTicks);
        }

        sql.Append(" ORDER BY timestamp DESC, id DESC LIMIT $limit");
        command.Parameters.AddWithValue("$limit", Math.Clamp(query.Limit, 1, HealingDefaults.JournalMaxQueryLimit));
        command.CommandText = sql.ToString();

        var records = new List<HealingRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Read(reader) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>Deletes what the retention settings no longer keep; returns how many records went.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await PruneCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await _writer.DisposeAsync().ConfigureAwait(false);
            // Pooled connections keep the file open; a closed journal lets it go.
            SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _writer.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = _writer.CreateCommand())
        {
            // WAL lets readers run beside the writer. NORMAL: a commit is in the WAL file when
            // AppendAsync returns, so a crash or SIGKILL of the orchestrator loses nothing; only an
            // OS crash or power cut can lose the last commits before the next checkpoint's sync.
            // FULL would fsync every record, about a millisecond each on the healer's restart path,
            // which writes three records before the restart starts.
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                CREATE TABLE IF NOT EXISTS healing_records (
                    id        INTEGER PRIMARY KEY AUTOINCREMENT,
                    timestamp INTEGER NOT NULL,
                    resource  TEXT    NOT NULL,
                    replica   TEXT    NULL,
                    kind      TEXT    NOT NULL,
                    attempt   INTEGER NULL,
                    tier      INTEGER NULL,
                    action    TEXT    NULL,
                    delay     INTEGER NULL,
                    message   TEXT    NULL
                );
                CREATE INDEX IF NOT EXISTS ix_healing_records_timestamp ON healing_records (timestamp);
                CREATE INDEX IF NOT EXISTS ix_healing_records_resource_timestamp ON healing_records (resource, timestamp);
                """;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var pruned = await PruneCoreAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Healing journal open at {Path} ({Pruned} old records pruned)", _options.DatabasePath, pruned);
    }

    private async Task<int> PruneCoreAsync(CancellationToken cancellationToken)
    {
        _appendsSincePrune = 0;
        var pruned = 0;
        if (_options.MaxAge is { } maxAge)
        {
            await using var command = _writer.CreateCommand();
            command.CommandText = "DELETE FROM healing_records WHERE timestamp < $cutoff";
            command.Parameters.AddWithValue("$cutoff", (_timeProvider.GetUtcNow() - maxAge).UtcTicks);
            pruned += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_options.MaxRows is { } maxRows)
        {
            await using var command = _writer.CreateCommand();
            command.CommandText =
                "DELETE FROM healing_records WHERE id <= (SELECT id FROM healing_records ORDER BY id DESC LIMIT 1 OFFSET $keep)";
            command.Parameters.AddWithValue("$keep", Math.Max(maxRows, 0));
            pruned += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (pruned > 0)
        {
            _logger.LogDebug("Pruned {Count} healing records from {Path}", pruned, _options.DatabasePath);
        }

        return pruned;
    }

    private HealingRecord? Read(SqliteDataReader reader)
    {
        var kindName = reader.GetString(4);
        if (!Enum.TryParse<HealingRecordKind>(kindName, out var kind))
        {
            // A newer orchestrator wrote a kind this one does not know: skip it rather than fail the query.
            _logger.LogWarning("Skipping healing record {Id} of unknown kind {Kind}", reader.GetInt64(0), kindName);
            return null;
        }

        return new HealingRecord(
            new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            kind)
        {
            Id = reader.GetInt64(0),
            Attempt = reader.IsDBNull(5) ? null : reader.GetInt32(5),
            Tier = reader.IsDBNull(6) ? null : reader.GetInt32(6),
            Action = reader.IsDBNull(7) || !Enum.TryParse<RestartAction>(reader.GetString(7), out var action) ? null : action,
            Delay = reader.IsDBNull(8) ? null : TimeSpan.FromTicks(reader.GetInt64(8)),
            Message = reader.IsDBNull(9) ? null : reader.GetString(9),
        };
    }
}
