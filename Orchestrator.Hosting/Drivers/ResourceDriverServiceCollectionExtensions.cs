using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.Hosting.Postgres;
using Orchestrator.Hosting.Redis;

namespace Orchestrator.Hosting.Drivers;

/// <summary>Registers the built-in resource drivers.</summary>
public static class ResourceDriverServiceCollectionExtensions
{
    /// <summary>
    /// Adds a driver for every built-in resource kind (executable, project, PostgreSQL server and
    /// database, Redis) and the <see cref="ResourceDriverRegistry"/> that picks among them.
    /// <code>builder.Services.AddResourceDrivers();</code>
    /// </summary>
    public static IServiceCollection AddResourceDrivers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => ProjectDriverOptions.FromConfiguration(sp.GetService<IConfiguration>()));
        services.TryAddSingleton<IProjectBuilder, DotnetProjectBuilder>();
        services.TryAddSingleton<HttpHealthCheckProbeFactory>();
        services.TryAddSingleton(_ => new PostgresBinaries());
        services.TryAddSingleton(_ => new RedisBinaries());
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IResourceDriver, ExecutableDriver>(),
            ServiceDescriptor.Singleton<IResourceDriver, ProjectDriver>(),
            ServiceDescriptor.Singleton<IResourceDriver, PostgresDriver>(),
            ServiceDescriptor.Singleton<IResourceDriver, PostgresDatabaseDriver>(),
            ServiceDescriptor.Singleton<IResourceDriver, RedisDriver>(),
        ]);
        services.TryAddSingleton<ResourceDriverRegistry>();
        return services;
    }
}
