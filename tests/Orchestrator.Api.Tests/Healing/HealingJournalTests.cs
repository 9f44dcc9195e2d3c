using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Healing;
using Orchestrator.Api.Tests.Fakes;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Tests.Healing;

public sealed class HealingJournalTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "healing-journal-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new();
    private readonly List<HealingJournal> _opened = [];

    private string DatabasePath => Path.Combine(_directory, "state", HealingDefaults.JournalFileName);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var journal in _opened)
        {
            await journal.DisposeAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Creates_its_file_under_the_state_directory_when_missing()
    {
        await OpenAsync(HealingJournalOptions.InStateDirectory(Path.Combine(_directory, "state")));

        Assert.True(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Reads_back_every_field_it_appended()
    {
        var journal = await OpenAsync();
        var record = new HealingRecord(_clock.GetUtcNow(), "catalog", "catalog-1", HealingRecordKind.RestartScheduled)
        {
            Attempt = 4,
            Tier = 2,
            Action = RestartAction.Graceful,
            Delay = TimeSpan.FromSeconds(30),
            Message = "exit code 137",
        };

        var appended = await journal.AppendAsync(record);
        var read = Assert.Single(await journal.QueryAsync(new HealingQuery()));

        Assert.True(appended.Id > 0);
        Assert.Equal(record with { Id = appended.Id }, read);
    }

    [Fact]
    public async Task Returns_the_newest_records_first()
    {
        var journal = await OpenAsync();
        await AppendAtAsync(journal, "catalog", 0, HealingRecordKind.FailureDetected);
        await AppendAtAsync(journal, "catalog", 2, HealingRecordKind.RestartStarted);
        await AppendAtAsync(journal, "catalog", 1, HealingRecordKind.RestartScheduled);

        var records = await journal.QueryAsync(new HealingQuery());

        Assert.Equal(
            [HealingRecordKind.RestartStarted, HealingRecordKind.RestartScheduled, HealingRecordKind.FailureDetected],
            records.Select(r => r.Kind));
    }

    [Fact]
    public async Task Queries_by_resource()
    {
        var journal = await OpenAsync();
        await AppendAtAsync(journal, "catalog", 0);
        await AppendAtAsync(journal, "basket", 1);
        await AppendAtAsync(journal, "catalog", 2);

        var records = await journal.QueryAsync(new HealingQuery(Resource: "catalog"));

        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal("catalog", r.Resource));
    }

    [Fact]
    public async Task Queries_a_time_range_from_since_included_to_until_excluded()
    {
        var journal = await OpenAsync();
        for (var second = 0; second < 5; second++)
        {
            await AppendAtAsync(journal, "catalog", second);
        }

        var t0 = _clock.GetUtcNow();
        var records = await journal.QueryAsync(new HealingQuery(Since: t0.AddSeconds(1), Until: t0.AddSeconds(3)));

        Assert.Equal([t0.AddSeconds(2), t0.AddSeconds(1)], records.Select(r => r.Timestamp));
    }

    [Fact]
    public async Task Returns_at_most_the_limit_keeping_the_newest()
    {
        var journal = await OpenAsync();
        for (var second = 0; second < 5; second++)
        {
            await AppendAtAsync(journal, "catalog", second);
        }

        var records = await journal.QueryAsync(new HealingQuery(Limit: 2));

        Assert.Equal([_clock.GetUtcNow().AddSeconds(4), _clock.GetUtcNow().AddSeconds(3)], records.Select(r => r.Timestamp));
    }

    [Fact]
    public async Task Survives_a_restart_of_the_orchestrator()
    {
        var first = await OpenAsync();
        var appended = await AppendAtAsync(first, "catalog", 0, HealingRecordKind.Quarantined);
        await first.DisposeAsync();

        var reopened = await OpenAsync();
        var read = Assert.Single(await reopened.QueryAsync(new HealingQuery()));

        Assert.Equal(appended, read);
    }

    [Fact]
    public async Task Uses_write_ahead_logging()
    {
        await OpenAsync();

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Prunes_records_older_than_the_max_age()
    {
        var journal = await OpenAsync(new HealingJournalOptions(DatabasePath) { MaxAge = TimeSpan.FromDays(1), MaxRows = null });
        await AppendAtAsync(journal, "catalog", 0, HealingRecordKind.FailureDetected);
        await AppendAtAsync(journal, "catalog", (int)TimeSpan.FromHours(20).TotalSeconds, HealingRecordKind.RestartScheduled);
        _clock.Advance(TimeSpan.FromHours(25));

        var pruned = await journal.PruneAsync();

        Assert.Equal(1, pruned);
        Assert.Equal(HealingRecordKind.RestartScheduled, Assert.Single(await journal.QueryAsync(new HealingQuery())).Kind);
    }

    [Fact]
    public async Task Keeps_only_the_newest_max_rows()
    {
        var journal = await OpenAsync(new HealingJournalOptions(DatabasePath) { MaxAge = null, MaxRows = 3 });
        for (var second = 0; second < 5; second++)
        {
            await AppendAtAsync(journal, "catalog", second);
        }

        await journal.PruneAsync();

        var records = await journal.QueryAsync(new HealingQuery());
        Assert.Equal([4, 3, 2], records.Select(r => (int)(r.Timestamp - _clock.GetUtcNow()).TotalSeconds));
    }

    [Fact]
    public async Task Prunes_on_write_after_the_configured_number_of_appends()
    {
        var journal = await OpenAsync(new HealingJournalOptions(DatabasePath) { MaxAge = null, MaxRows = 2, PruneEveryAppends = 3 });
        for (var second = 0; second < 3; second++)
        {
            await AppendAtAsync(journal, "catalog", second);
        }

        Assert.Equal(2, (await journal.QueryAsync(new HealingQuery())).Count);
    }

    [Fact]
    public async Task Prunes_when_it_opens()
    {
        var first = await OpenAsync(new HealingJournalOptions(DatabasePath) { MaxAge = null, MaxRows = null });
        for (var second = 0; second < 4; second++)
        {
            await AppendAtAsync(first, "catalog", second);
        }

        await first.DisposeAsync();

        var reopened = await OpenAsync(new HealingJournalOptions(DatabasePath) { MaxAge = null, MaxRows = 1 });
        Assert.Single(await reopened.QueryAsync(new HealingQuery()));
    }

    [Fact]
    public async Task Concurrent_appends_all_land()
    {
        var journal = await OpenAsync();
        const int writers = 8, perWriter = 25;

        var appended = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var ids = new List<long>();
            for (var i = 0; i < perWriter; i++)
            {
                var record = await journal.AppendAsync(new HealingRecord(_clock.GetUtcNow(), $"resource-{w}", null, HealingRecordKind.FailureDetected) { Attempt = i });
                ids.Add(record.Id);
            }

            return ids;
        })));

        var records = await journal.QueryAsync(new HealingQuery(Limit: 1000));
        Assert.Equal(writers * perWriter, records.Count);
        Assert.Equal(writers * perWriter, appended.SelectMany(ids => ids).Distinct().Count());
        Assert.All(Enumerable.Range(0, writers), w => Assert.Equal(perWriter, records.Count(r => r.Resource == $"resource-{w}")));
    }

    private async Task<HealingJournal> OpenAsync(HealingJournalOptions? options = null)
    {
        var journal = await HealingJournal.OpenAsync(options ?? new HealingJournalOptions(DatabasePath), _clock, NullLogger<HealingJournal>.Instance);
        _opened.Add(journal);
        return journal;
    }

    private Task<HealingRecord> AppendAtAsync(HealingJournal journal, string resource, int secondsFromNow, HealingRecordKind kind = HealingRecordKind.FailureDetected) =>
        journal.AppendAsync(new HealingRecord(_clock.GetUtcNow().AddSeconds(secondsFromNow), resource, $"{resource}-0", kind));
}
