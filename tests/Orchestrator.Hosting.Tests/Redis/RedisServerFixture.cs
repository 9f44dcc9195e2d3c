using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Redis;
using Orchestrator.Hosting.Tests.Drivers;

namespace Orchestrator.Hosting.Tests.Redis;

/// <summary>One real Redis server, prepared and started by <see cref="RedisDriver"/>, shared by a test class.</summary>
public class RedisServerFixture : IAsyncLifetime
{
    private TestProcess? _process;

    public RedisServerFixture()
        : this(password: null)
    {
    }

    /// <summary>A server with a password the AppHost fixed (null: a generated one).</summary>
    protected RedisServerFixture(string? password) => Redis = CreateResource(password);

    public string StateDirectory { get; } = TestRuntime.CreateStateDirectory();

    public RedisResource Redis { get; }

    public RedisDriver Driver { get; } = new(new RedisBinaries(), NullLogger<RedisDriver>.Instance);

    public ResourceRuntimeContext Runtime { get; private set; } = null!;

    public ReplicaContext Replica => new(Redis, 0, Runtime);

    public int Port => Runtime.GetEndpoint(Redis, RedisResource.PrimaryEndpointName, 0).Port;

    public string Password => Redis.Password ?? Runtime.Secrets.GetOrCreate(Redis.PasswordSecretName);

    public int ProcessId => _process?.ProcessId ?? throw new InvalidOperationException("Redis is not running.");

    public async Task InitializeAsync()
    {
        Runtime = TestRuntime.Create(StateDirectory, (Redis, RedisResource.PrimaryEndpointName, 0, TestRuntime.FreePort()));
        await Driver.PrepareAsync(Redis, Runtime, CancellationToken.None);
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

    public Task<RespClient> ConnectAsync() => RespClient.ConnectAsync("127.0.0.1", Port, Password, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await StopAsync();
        TestRuntime.DeleteQuietly(StateDirectory);
    }

    private static RedisResource CreateResource(string? password)
    {
        var redis = new RedisResource("cache", password);
        redis.Annotations.Add(new EndpointAnnotation(RedisResource.PrimaryEndpointName, "tcp"));
        return redis;
    }
}
