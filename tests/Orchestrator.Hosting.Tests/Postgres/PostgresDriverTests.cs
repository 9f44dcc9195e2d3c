using Npgsql;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Postgres;
using Orchestrator.Hosting.Processes;
using Orchestrator.Hosting.Tests.Drivers;

namespace Orchestrator.Hosting.Tests.Postgres;

[Trait("Category", "Integration")]
public sealed class PostgresDriverTests(PostgresServerFixture fixture) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task The_server_answers_queries_with_its_connection_string_once_healthy()
    {
        var currentUser = await QueryAsync(fixture.Server.GetConnectionString(fixture.Runtime), "SELECT current_user");

        Assert.Equal("postgres", currentUser);
    }

    [Fact]
    public async Task Creates_the_database_once_the_server_is_healthy()
    {
        var database = fixture.NewDatabase("orders_" + Guid.NewGuid().ToString("N")[..8]);
        var probe = fixture.DatabaseDriver.CreateHealthProbe(new(database, 0, fixture.Runtime))!;
        Assert.Equal(HealthStatus.Unhealthy, (await probe.ProbeAsync(CancellationToken.None)).Status);

        await fixture.DatabaseDriver.OnHealthyAsync(database, fixture.Runtime, CancellationToken.None);

        Assert.True((await probe.ProbeAsync(CancellationToken.None)).IsHealthy);
        Assert.Equal(database.DatabaseName, await QueryAsync(database.GetConnectionString(fixture.Runtime), "SELECT current_database()"));
    }

    [Fact]
    public async Task Creating_the_database_again_is_harmless()
    {
        var database = fixture.NewDatabase("again_" + Guid.NewGuid().ToString("N")[..8]);
        await fixture.DatabaseDriver.OnHealthyAsync(database, fixture.Runtime, CancellationToken.None);

        await fixture.DatabaseDriver.OnHealthyAsync(database, fixture.Runtime, CancellationToken.None);

        var count = await QueryAsync(
            fixture.Server.GetConnectionString(fixture.Runtime),
            $"SELECT count(*) FROM pg_database WHERE datname = '{database.DatabaseName}'");
        Assert.Equal(1L, count);
    }

    [Fact]
    public async Task Creates_a_database_whose_name_needs_quoting()
    {
        var database = fixture.NewDatabase("we\"ird-name " + Guid.NewGuid().ToString("N")[..6]);

        await fixture.DatabaseDriver.OnHealthyAsync(database, fixture.Runtime, CancellationToken.None);

        var result = await fixture.DatabaseDriver.CreateHealthProbe(new(database, 0, fixture.Runtime))!.ProbeAsync(CancellationToken.None);
        Assert.True(result.IsHealthy, result.Error);
    }

    [Fact]
    public async Task Data_survives_a_server_restart()
    {
        var connectionString = fixture.Server.GetConnectionString(fixture.Runtime);
        var table = "kept_" + Guid.NewGuid().ToString("N")[..8];
        await QueryAsync(connectionString, $"CREATE TABLE {table} (value text); INSERT INTO {table} VALUES ('still here')");

        await fixture.StopAsync();
        await fixture.StartAsync();

        Assert.Equal("still here", await QueryAsync(connectionString, $"SELECT value FROM {table}"));
    }

    [Fact]
    public async Task A_second_prepare_reuses_the_cluster_instead_of_running_initdb()
    {
        var connectionString = fixture.Server.GetConnectionString(fixture.Runtime);
        var table = "before_prepare_" + Guid.NewGuid().ToString("N")[..8];
        await QueryAsync(connectionString, $"CREATE TABLE {table} (value int)");
        var versionFile = Path.Combine(fixture.ClusterDirectory, "PG_VERSION");
        var createdAt = File.GetLastWriteTimeUtc(versionFile);
        await fixture.StopAsync();

        await fixture.Driver.PrepareAsync(fixture.Server, fixture.Runtime, CancellationToken.None);
        await fixture.StartAsync();

        Assert.Equal(createdAt, File.GetLastWriteTimeUtc(versionFile));
        Assert.Equal(0L, await QueryAsync(connectionString, $"SELECT count(*) FROM {table}"));
    }

    [Fact]
    public void Prepare_leaves_no_password_file_behind()
    {
        var home = fixture.Runtime.GetDataDirectory(fixture.Server);

        Assert.Empty(Directory.EnumerateFiles(home, "*password*", SearchOption.TopDirectoryOnly));
    }

    [Fact]
    public async Task A_wrong_password_is_unhealthy()
    {
        var builder = new NpgsqlConnectionStringBuilder(fixture.Server.GetConnectionString(fixture.Runtime)) { Password = "not-the-password" };

        var result = await new PostgresHealthProbe(builder.ConnectionString).ProbeAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("password authentication failed", result.Error);
        Assert.DoesNotContain("not-the-password", result.Error);
    }

    [Fact]
    public void The_server_runs_as_postgres_when_the_apphost_is_root()
    {
        var spec = fixture.Driver.CreateProcessSpec(fixture.Replica)!;

        if (Environment.IsPrivilegedProcess)
        {
            Assert.Equal("postgres", spec.RunAsUser);
            Assert.Equal(ProcessOwner.UserIdOf("postgres"), ProcessOwner.RealUserIdOf(fixture.ProcessId));
        }
        else
        {
            Assert.Null(spec.RunAsUser);
        }
    }

    [Fact]
    public void The_lock_file_of_a_running_server_is_kept()
    {
        var (removed, holder) = PostmasterLock.RemoveIfStale(fixture.ClusterDirectory);

        Assert.False(removed);
        Assert.Equal(fixture.ProcessId, holder);
    }

    [Fact]
    public void Stops_with_a_fast_shutdown_and_keeps_the_password_off_the_command_line()
    {
        var spec = fixture.Driver.CreateProcessSpec(fixture.Replica)!;
        var password = fixture.Runtime.Secrets.GetOrCreate(fixture.Server.PasswordSecretName);

        Assert.Equal(ProcessSignal.Interrupt, spec.StopSignal);
        Assert.Equal(DriverDefaults.PostgresStopGracePeriod, spec.StopGracePeriod);
        Assert.DoesNotContain(spec.Arguments, a => a.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(spec.Environment.Values, v => v.Contains(password, StringComparison.Ordinal));
    }

    // Unpooled: a pooled connection would not survive the restarts some tests make.
    private static async Task<object?> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
