using Microsoft.Extensions.Logging;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Orchestration;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Postgres;

/// <summary>
/// Runs a <see cref="PostgresServerResource"/> natively. The data directory
/// (<c>{state}/data/{name}/pgdata</c>) is created by initdb on the first launch and reused afterwards,
/// so data and the superuser's password survive AppHost restarts. When the AppHost runs as root, the
/// server and initdb run as user <c>postgres</c>, which owns the data directory.
/// </summary>
public sealed class PostgresDriver(PostgresBinaries binaries, ILogger<PostgresDriver> logger) : IResourceDriver
{
    /// <summary>The cluster's directory inside the resource's data directory.</summary>
    public const string ClusterDirectoryName = "pgdata";

    private const string PasswordFileName = ".initdb-password";
    private const string FingerprintFileName = ".superuser-fingerprint";

    // Messages in English and no complaint about a LANG the machine does not have.
    private static readonly IReadOnlyDictionary<string, string?> ToolEnvironment = new Dictionary<string, string?> { ["LC_ALL"] = "C" };

    /// <summary>The cluster directory of <paramref name="server"/>: <c>{state}/data/{name}/pgdata</c>.</summary>
    public static string GetClusterDirectory(PostgresServerResource server, ResourceRuntimeContext runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return Path.Combine(runtime.GetDataDirectory(server), ClusterDirectoryName);
    }

    /// <inheritdoc />
    public bool CanRun(IResource resource) => resource is PostgresServerResource;

    /// <inheritdoc />
    /// <remarks>Runs initdb when the cluster does not exist yet; otherwise checks its version and clears a stale lock file.</remarks>
    /// <exception cref="ServerBinariesNotFoundException">PostgreSQL is not installed.</exception>
    /// <exception cref="ResourceStartException">The data directory cannot be used, or initdb failed (with its output).</exception>
    public async Task PrepareAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken)
    {
        var server = (PostgresServerResource)resource;
        var installation = binaries.Locate();
        var account = GetServiceAccount(server);
        var home = runtime.GetDataDirectory(server);
        var cluster = GetClusterDirectory(server, runtime);
        Directory.CreateDirectory(home);
        if (account is not null)
        {
            if (ServiceAccount.FindUntraversableAncestor(home) is { } closed)
            {
                throw new ResourceStartException(
                    server.Name,
                    $"PostgreSQL runs as user '{account.Name}', who cannot reach {home} because {closed} is closed to other users. " +
                    $"Run 'chmod o+x {closed}', or move the state directory with {HostingPaths.StateDirectoryVariable}.",
                    []);
            }

            await account.TakeOwnershipAsync(home, cancellationToken).ConfigureAwait(false);
        }

        if (File.Exists(Path.Combine(cluster, "PG_VERSION")))
        {
            var serverStillRuns = ReuseCluster(server, cluster, installation);
            if (!serverStillRuns)
            {
                await EnsurePasswordAsync(new ClusterSetup(server, runtime, installation, account, home, cluster), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (Directory.Exists(cluster) && Directory.EnumerateFileSystemEntries(cluster).Any())
        {
            throw new ResourceStartException(
                server.Name,
                $"{cluster} holds files but no PostgreSQL cluster (an interrupted initdb?). Delete it to start with an empty database.",
                []);
        }

        await InitializeClusterAsync(new ClusterSetup(server, runtime, installation, account, home, cluster), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ProcessSpec? CreateProcessSpec(ReplicaContext replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var server = (PostgresServerResource)replica.Resource;
        var endpoint = replica.GetEndpoint(PostgresServerResource.PrimaryEndpointName);
        // TCP only: no Unix socket, whose directory would need to exist and be short enough for sun_path.
        return new ProcessSpec(
            replica.ReplicaName,
            binaries.Locate().Postgres,
            [
                "-D", GetClusterDirectory(server, replica.Runtime),
                "-p", endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-c", $"listen_addresses={endpoint.Host}",
                "-c", "unix_socket_directories=",
            ],
            replica.Runtime.GetDataDirectory(server),
            new Dictionary<string, string>())
        {
            RunAsUser = ServiceAccount.IsRoot ? DriverDefaults.PostgresUser : null,
            StopSignal = ProcessSignal.Interrupt,
            StopGracePeriod = DriverDefaults.PostgresStopGracePeriod,
            LogFilePath = replica.GetLogFilePath(),
        };
    }

    /// <inheritdoc />
    public IHealthProbe? CreateHealthProbe(ReplicaContext replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var server = (PostgresServerResource)replica.Resource;
        return new PostgresHealthProbe(PostgresConnections.ForReplica(server, replica.Runtime, replica.Index, "postgres"));
    }

    /// <inheritdoc />
    /// <remarks>Nothing: each database is created by <see cref="PostgresDatabaseDriver"/>, as its own resource.</remarks>
    public Task OnHealthyAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken) => Task.CompletedTask;

    private static ServiceAccount? GetServiceAccount(PostgresServerResource server)
    {
        if (!ServiceAccount.IsRoot)
        {
            return null;
        }

        return ServiceAccount.WhenRoot(DriverDefaults.PostgresUser)
            ?? throw new ResourceStartException(
                server.Name,
                $"The AppHost runs as root and PostgreSQL refuses root, but there is no '{DriverDefaults.PostgresUser}' user to run it as. " +
                "Install PostgreSQL with: apt-get install postgresql (it creates the user).",
                []);
    }

    /// <returns>True when a server from an earlier run still holds the cluster.</returns>
    private bool ReuseCluster(PostgresServerResource server, string cluster, PostgresInstallation installation)
    {
        var version = File.ReadAllText(Path.Combine(cluster, "PG_VERSION")).Trim();
        if (version != installation.Version)
        {
            throw new ResourceStartException(
                server.Name,
                $"{cluster} was created by PostgreSQL {version}, but the installed server is {installation.Version}. " +
                $"Install PostgreSQL {version}, upgrade the cluster with pg_upgrade, or delete {cluster} to start empty.",
                []);
        }

        var (removed, holder) = PostmasterLock.RemoveIfStale(cluster);
        if (removed)
        {
            logger.LogInformation("Removed a stale {LockFile} of {Resource}: the server that wrote it is gone", PostmasterLock.FileName, server.Name);
        }
        else if (holder is not null)
        {
            logger.LogWarning(
                "PostgreSQL process {ProcessId} still runs on the data directory of {Resource}; the new server cannot start until it stops",
                holder,
                server.Name);
        }

        logger.LogDebug("Reusing the PostgreSQL {Version} cluster of {Resource} in {Directory}", version, server.Name, cluster);
        return !removed && holder is not null;
    }

    /// <summary>
    /// Gives the superuser the password the AppHost now expects when the cluster was made with another one
    /// (a fixed password changed in the AppHost, or a cluster older than the fingerprint). Single-user mode
    /// needs no password, and the new one travels on standard input, never on a command line.
    /// </summary>
    private async Task EnsurePasswordAsync(ClusterSetup setup, CancellationToken cancellationToken)
    {
        var server = setup.Server;
        var fingerprint = Path.Combine(setup.Home, FingerprintFileName);
        var password = server.GetPassword(setup.Runtime);
        if (PasswordFingerprint.Matches(fingerprint, password))
        {
            return;
        }

        logger.LogInformation("Setting the superuser password of {Resource}: the cluster was made with another one", server.Name);
        IReadOnlyList<string> arguments =
        [
            "--single", "-j",
            "-D", setup.Cluster,
            "-c", "unix_socket_directories=",
            // An error must not echo the statement, which holds the password.
            "-c", "log_min_error_statement=panic",
            "postgres",
        ];
        var statement = $"ALTER ROLE \"{server.UserName}\" PASSWORD '{password.Replace("'", "''", StringComparison.Ordinal)}';\n\n";
        var result = await RunToolAsync(setup, setup.Installation.Postgres, arguments, statement, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new ResourceStartException(
                server.Name,
                $"Setting the superuser password in single-user mode failed with exit code {result.ExitCode}.",
                result.Tail(DriverDefaults.ToolOutputTailLines).Where(line => !line.Contains(password, StringComparison.Ordinal)).ToList());
        }

        PasswordFingerprint.Write(fingerprint, password);
    }

    private async Task InitializeClusterAsync(ClusterSetup setup, CancellationToken cancellationToken)
    {
        var (server, cluster) = (setup.Server, setup.Cluster);
        logger.LogInformation("Creating the PostgreSQL {Version} cluster of {Resource} in {Directory}", setup.Installation.Version, server.Name, cluster);
        var password = server.GetPassword(setup.Runtime);
        var passwordFile = await PasswordFile.CreateAsync(
            Path.Combine(setup.Home, PasswordFileName), password, setup.Account, cancellationToken).ConfigureAwait(false);
        await using (passwordFile.ConfigureAwait(false))
        {
            IReadOnlyList<string> arguments =
            [
                "-D", cluster,
                "-U", server.UserName,
                "--auth=scram-sha-256",
                $"--pwfile={passwordFile.Path}",
                "-E", "UTF8",
                "--locale=C",
            ];
            ExternalCommandResult result;
            try
            {
                result = await RunToolAsync(setup, setup.Installation.InitDb, arguments, standardInput: null, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // A half-made cluster would pass for a real one on the next launch.
                DeleteQuietly(cluster);
                throw;
            }

            if (!result.Succeeded)
            {
                DeleteQuietly(cluster);
                throw new ResourceStartException(
                    server.Name, $"initdb failed with exit code {result.ExitCode}.", result.Tail(DriverDefaults.ToolOutputTailLines));
            }

            PasswordFingerprint.Write(Path.Combine(setup.Home, FingerprintFileName), password);
        }
    }

    // As the service account when there is one, in the data directory: initdb must be able to read its working directory.
    private static Task<ExternalCommandResult> RunToolAsync(
        ClusterSetup setup, string program, IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken)
    {
        var (fileName, commandLine) = setup.Account?.Wrap(program, arguments) ?? (program, arguments);
        return ExternalCommand.RunAsync(fileName, commandLine, setup.Home, cancellationToken, ToolEnvironment, standardInput);
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: the error being reported matters more.
        }
    }

    /// <summary>What preparing one server's cluster works with.</summary>
    private sealed record ClusterSetup(
        PostgresServerResource Server,
        ResourceRuntimeContext Runtime,
        PostgresInstallation Installation,
        ServiceAccount? Account,
        string Home,
        string Cluster);
}
