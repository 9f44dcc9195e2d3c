using System.Net;
using Microsoft.Extensions.Logging;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Orchestration;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Redis;

/// <summary>
/// Runs a <see cref="RedisResource"/> natively: <c>redis-server {state}/data/{name}/redis.conf</c>, with
/// append-only persistence in the same directory so data survives AppHost restarts. When the AppHost
/// runs as root and a <c>redis</c> user exists, the server runs as that user. One replica per resource.
/// </summary>
public sealed class RedisDriver(RedisBinaries binaries, ILogger<RedisDriver> logger) : IResourceDriver
{
    /// <inheritdoc />
    public bool CanRun(IResource resource) => resource is RedisResource;

    /// <inheritdoc />
    /// <remarks>Writes the configuration file (mode 0600) with this launch's port and the password.</remarks>
    /// <exception cref="ServerBinariesNotFoundException">Redis is not installed.</exception>
    /// <exception cref="ResourceStartException">The data directory cannot be reached by the server's account.</exception>
    public async Task PrepareAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken)
    {
        var redis = (RedisResource)resource;
        binaries.Locate();
        var directory = runtime.GetDataDirectory(redis);
        Directory.CreateDirectory(directory);
        var endpoint = runtime.GetEndpoint(redis, RedisResource.PrimaryEndpointName, replica: 0);
        // Redis binds addresses, not names.
        var bindAddress = IPAddress.TryParse(endpoint.Host, out _) ? endpoint.Host : IPAddress.Loopback.ToString();
        var configuration = RedisConfigFile.Render(bindAddress, endpoint.Port, GetPassword(redis, runtime), directory);
        RedisConfigFile.Write(Path.Combine(directory, RedisConfigFile.FileName), configuration);

        if (ServiceAccount.WhenRoot(DriverDefaults.RedisUser) is { } account)
        {
            if (ServiceAccount.FindUntraversableAncestor(directory) is { } closed)
            {
                throw new ResourceStartException(
                    redis.Name,
                    $"Redis runs as user '{account.Name}', who cannot reach {directory} because {closed} is closed to other users. " +
                    $"Run 'chmod o+x {closed}', or move the state directory with {HostingPaths.StateDirectoryVariable}.",
                    []);
            }

            await account.TakeOwnershipAsync(directory, cancellationToken).ConfigureAwait(false);
        }

        logger.LogDebug("Prepared {Resource} in {Directory} on port {Port}", redis.Name, directory, endpoint.Port);
    }

    /// <inheritdoc />
    public ProcessSpec? CreateProcessSpec(ReplicaContext replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var directory = replica.Runtime.GetDataDirectory(replica.Resource);
        return new ProcessSpec(
            replica.ReplicaName,
            binaries.Locate(),
            [Path.Combine(directory, RedisConfigFile.FileName)],
            directory,
            new Dictionary<string, string>())
        {
            RunAsUser = ServiceAccount.WhenRoot(DriverDefaults.RedisUser)?.Name,
            StopSignal = ProcessSignal.Terminate,
            StopGracePeriod = DriverDefaults.RedisStopGracePeriod,
            LogFilePath = replica.GetLogFilePath(),
        };
    }

    /// <inheritdoc />
    public IHealthProbe? CreateHealthProbe(ReplicaContext replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var redis = (RedisResource)replica.Resource;
        var endpoint = replica.GetEndpoint(RedisResource.PrimaryEndpointName);
        return new RedisHealthProbe(endpoint.Host, endpoint.Port, GetPassword(redis, replica.Runtime));
    }

    /// <inheritdoc />
    public Task OnHealthyAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken) => Task.CompletedTask;

    private static string GetPassword(RedisResource redis, ResourceRuntimeContext runtime) =>
        redis.Password ?? runtime.Secrets.GetOrCreate(redis.PasswordSecretName);
}
