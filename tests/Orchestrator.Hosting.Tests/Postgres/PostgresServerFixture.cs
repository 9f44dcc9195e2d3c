using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Postgres;
using Orchestrator.Hosting.Tests.Drivers;

namespace Orchestrator.Hosting.Tests.Postgres;

/// <summary>One real PostgreSQL server, initialized and started through <see cref="PostgresDriver"/>, shared by a test class.</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private TestProcess? _process;

    public string StateDirectory { get; } = TestRuntime.CreateStateDirectory();

    public PostgresServerResource Server { get; } = CreateServer();

    public PostgresDriver Driver { get; } = new(new PostgresBinaries(), NullLogger<PostgresDriver>.Instance);

    public PostgresDatabaseDriver DatabaseDriver { get; } = new(NullLogger<PostgresDatabaseDriver>.Instance);

    public ResourceRuntimeContext Runtime { get; private set; } = null!;

    public ReplicaContext Replica => new(Server, 0, Runtime);

    public string ClusterDirectory => PostgresDriver.GetClusterDirectory(Server, Runtime);

    public int ProcessId => _process?.ProcessId ?? throw new InvalidOperationException("PostgreSQL is not running.");

    public async Task InitializeAsync()
    {
        Runtime = TestRuntime.Create(StateDirectory, (Server, PostgresServerResource.PrimaryEndpointName, 0, TestRuntime.FreePort()));
        await Driver.PrepareAsync(Server, Runtime, CancellationToken.None);
        await StartAsync();
    }

    public async Task StartAsync()
    {
        _process = TestProcessLauncher.Start(Driver.CreateProcessSpec(Replica)!);
        await HealthWait.UntilHealthyAsync(Driver.CreateHealthProbe(Replica)!, _process);
    }

    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>A database resource in this server (not created until its driver's OnHealthyAsync runs).</summary>
    public PostgresDatabaseResource NewDatabase(string databaseName) =>
        new("db-" + Guid.NewGuid().ToString("N")[..8], databaseName, Server);

    public async Task DisposeAsync()
    {
        await StopAsync();
        TestRuntime.DeleteQuietly(StateDirectory);
    }

    private static PostgresServerResource CreateServer()
    {
        var server = new PostgresServerResource("pg", password: null);
        server.Annotations.Add(new EndpointAnnotation(PostgresServerResource.PrimaryEndpointName, "tcp"));
        return server;
    }
}
