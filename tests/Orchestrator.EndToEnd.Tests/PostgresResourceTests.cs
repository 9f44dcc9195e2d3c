using Npgsql;
using Orchestrator.EndToEnd.Tests.Infrastructure;
using Orchestrator.Hosting;

namespace Orchestrator.EndToEnd.Tests;

[Trait("Category", "Integration")]
public sealed class PostgresResourceTests
{
    [Fact]
    public async Task Database_is_created_and_a_row_written_in_one_run_is_read_in_the_next()
    {
        using var state = new TempDirectory();
        var marker = Guid.NewGuid().ToString("N");

        await RunOnceAsync(state, async connection =>
        {
            await using var create = new NpgsqlCommand("CREATE TABLE notes (text TEXT NOT NULL); INSERT INTO notes VALUES (@t)", connection);
            create.Parameters.AddWithValue("t", marker);
            await create.ExecuteNonQueryAsync();
        });

        await RunOnceAsync(state, async connection =>
        {
            await using var read = new NpgsqlCommand("SELECT text FROM notes", connection);
            Assert.Equal(marker, await read.ExecuteScalarAsync());
            await using var name = new NpgsqlCommand("SELECT current_database()", connection);
            Assert.Equal("appdb", await name.ExecuteScalarAsync());
        });
    }

    private static async Task RunOnceAsync(TempDirectory state, Func<NpgsqlConnection, Task> work)
    {
        var builder = TestApps.CreateBuilder(state);
        var database = builder.AddPostgres("pg").AddDatabase("appdb");
        builder.AddTestService("client").WithReference(database).WaitFor(database);

        await using var app = builder.Build();
        await app.StartAsync();
        try
        {
            // The connection string the service was given, used as the service would use it.
            var connectionString = await app.GetEnvironmentOfAsync("client", "ConnectionStrings__appdb");
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await work(connection);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
