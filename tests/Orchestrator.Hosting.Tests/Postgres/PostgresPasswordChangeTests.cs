using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Postgres;
using Orchestrator.Hosting.Tests.Drivers;

namespace Orchestrator.Hosting.Tests.Postgres;

/// <summary>An AppHost that fixes another password than the one its cluster was made with still gets in.</summary>
[Trait("Category", "Integration")]
public sealed class PostgresPasswordChangeTests : IDisposable
{
    private readonly string _state = TestRuntime.CreateStateDirectory();
    private readonly PostgresDriver _driver = new(new PostgresBinaries(), NullLogger<PostgresDriver>.Instance);
    private readonly int _port = TestRuntime.FreePort();

    public void Dispose() => TestRuntime.DeleteQuietly(_state);

    [Fact]
    public async Task A_changed_fixed_password_is_given_to_the_superuser_before_the_server_starts()
    {
        await RunOnceAsync("first-password", "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('from the first run')");

        const string changed = "second;pass'word";
        var kept = await RunOnceAsync(changed, "SELECT value FROM kept");

        Assert.Equal("from the first run", kept);
        var fingerprint = Path.Combine(_state, "data", "pg", ".superuser-fingerprint");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fingerprint));
        Assert.DoesNotContain("second", File.ReadAllText(fingerprint));
    }

    private async Task<string?> RunOnceAsync(string password, string sql)
    {
        var server = new PostgresServerResource("pg", password);
        server.Annotations.Add(new EndpointAnnotation(PostgresServerResource.PrimaryEndpointName, "tcp"));
        var runtime = TestRuntime.Create(_state, (server, PostgresServerResource.PrimaryEndpointName, 0, _port));
        await _driver.PrepareAsync(server, runtime, CancellationToken.None);
        var replica = new ReplicaContext(server, 0, runtime);
        await using var process = TestProcessLauncher.Start(_driver.CreateProcessSpec(replica)!);
        await HealthWait.UntilHealthyAsync(_driver.CreateHealthProbe(replica)!, process);

        await using var connection = new NpgsqlConnection(server.GetConnectionString(runtime));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
