using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Postgres;
using Orchestrator.Hosting.Processes;
using Orchestrator.Hosting.Redis;

namespace Orchestrator.Hosting.Tests.Drivers;

public sealed class ResourceDriverRegistryTests
{
    [Theory]
    [InlineData("executable", typeof(ExecutableDriver))]
    [InlineData("project", typeof(ProjectDriver))]
    [InlineData("postgres", typeof(PostgresDriver))]
    [InlineData("postgres.database", typeof(PostgresDatabaseDriver))]
    [InlineData("redis", typeof(RedisDriver))]
    public void Picks_the_built_in_driver_for_each_resource_kind(string kind, Type expected)
    {
        using var services = new ServiceCollection().AddResourceDrivers().BuildServiceProvider();
        var registry = services.GetRequiredService<ResourceDriverRegistry>();

        var driver = registry.GetDriver(Resources()[kind]);

        Assert.IsType(expected, driver);
    }

    [Fact]
    public void A_driver_registered_later_replaces_a_built_in_one()
    {
        var services = new ServiceCollection().AddResourceDrivers();
        services.AddSingleton<IResourceDriver, CustomExecutableDriver>();
        using var provider = services.BuildServiceProvider();

        var driver = provider.GetRequiredService<ResourceDriverRegistry>().GetDriver(Resources()["executable"]);

        Assert.IsType<CustomExecutableDriver>(driver);
    }

    [Fact]
    public void Names_the_resource_no_driver_runs()
    {
        var registry = new ResourceDriverRegistry([]);

        var error = Assert.Throws<InvalidOperationException>(() => registry.GetDriver(new ExecutableResource("worker", "w", "/")));

        Assert.Contains("'worker'", error.Message);
    }

    private static Dictionary<string, IResource> Resources()
    {
        var server = new PostgresServerResource("pg", null);
        return new()
        {
            ["executable"] = new ExecutableResource("worker", "./worker", "/srv"),
            ["project"] = new ProjectResource("catalog", "/srv/Catalog.csproj"),
            ["postgres"] = server,
            ["postgres.database"] = new PostgresDatabaseResource("db", "db", server),
            ["redis"] = new RedisResource("cache", null),
        };
    }

    private sealed class CustomExecutableDriver : IResourceDriver
    {
        public bool CanRun(IResource resource) => resource is ExecutableResource;

        public Task PrepareAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken) => Task.CompletedTask;

        public ProcessSpec? CreateProcessSpec(ReplicaContext replica) => null;

        public IHealthProbe? CreateHealthProbe(ReplicaContext replica) => null;

        public Task OnHealthyAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
