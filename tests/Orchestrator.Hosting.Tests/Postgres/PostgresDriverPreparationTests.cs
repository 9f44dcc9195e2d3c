using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Orchestration;
using Orchestrator.Hosting.Postgres;
using Orchestrator.Hosting.Tests.Drivers;

namespace Orchestrator.Hosting.Tests.Postgres;

/// <summary>Preparation failures a user can cause, each with a message that says what to do. None starts a server.</summary>
public sealed class PostgresDriverPreparationTests : IDisposable
{
    private readonly string _state = TestRuntime.CreateStateDirectory();
    private readonly PostgresServerResource _server = new("pg", password: "fixed");

    public PostgresDriverPreparationTests() => _server.Annotations.Add(new EndpointAnnotation("tcp", "tcp"));

    public void Dispose() => TestRuntime.DeleteQuietly(_state);

    [Fact]
    public async Task Says_which_package_to_install_when_postgres_is_missing()
    {
        var driver = new PostgresDriver(new PostgresBinaries([Path.Combine(_state, "none")]), NullLogger<PostgresDriver>.Instance);

        var error = await Assert.ThrowsAsync<ServerBinariesNotFoundException>(
            () => driver.PrepareAsync(_server, TestRuntime.Create(_state), CancellationToken.None));

        Assert.Contains("apt-get install postgresql", error.Message);
    }

    [Fact]
    public async Task Refuses_a_cluster_made_by_another_major_version()
    {
        var binaries = FakeInstallation("15");
        var cluster = Directory.CreateDirectory(Path.Combine(_state, "data", "pg", PostgresDriver.ClusterDirectoryName)).FullName;
        File.WriteAllText(Path.Combine(cluster, "PG_VERSION"), "13\n");
        var driver = new PostgresDriver(binaries, NullLogger<PostgresDriver>.Instance);

        var error = await Assert.ThrowsAsync<ResourceStartException>(
            () => driver.PrepareAsync(_server, TestRuntime.Create(_state), CancellationToken.None));

        Assert.Contains("PostgreSQL 13", error.Message);
        Assert.Contains("pg_upgrade", error.Message);
    }

    [Fact]
    public async Task Refuses_a_data_directory_with_files_but_no_cluster()
    {
        var cluster = Directory.CreateDirectory(Path.Combine(_state, "data", "pg", PostgresDriver.ClusterDirectoryName)).FullName;
        File.WriteAllText(Path.Combine(cluster, "leftover"), "");
        var driver = new PostgresDriver(FakeInstallation("15"), NullLogger<PostgresDriver>.Instance);

        var error = await Assert.ThrowsAsync<ResourceStartException>(
            () => driver.PrepareAsync(_server, TestRuntime.Create(_state), CancellationToken.None));

        Assert.Contains("Delete it", error.Message);
    }

    [Fact]
    public async Task Says_how_to_open_a_state_directory_the_postgres_user_cannot_reach()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return; // only root switches to the postgres user
        }

        File.SetUnixFileMode(_state, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var driver = new PostgresDriver(FakeInstallation("15"), NullLogger<PostgresDriver>.Instance);

        var error = await Assert.ThrowsAsync<ResourceStartException>(
            () => driver.PrepareAsync(_server, TestRuntime.Create(_state), CancellationToken.None));

        Assert.Contains($"chmod o+x {_state}", error.Message);
        Assert.Contains(HostingPaths.StateDirectoryVariable, error.Message);
    }

    private PostgresBinaries FakeInstallation(string version)
    {
        var root = Path.Combine(_state, "pglib");
        var bin = Directory.CreateDirectory(Path.Combine(root, version, "bin")).FullName;
        File.WriteAllText(Path.Combine(bin, "postgres"), "");
        File.WriteAllText(Path.Combine(bin, "initdb"), "");
        return new PostgresBinaries([root]);
    }
}
