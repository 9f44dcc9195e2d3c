using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.Api.Events;
using Orchestrator.Hosting;

namespace Orchestrator.Api.Monitoring;

/// <summary>Registers the health monitor.</summary>
public static class HealthMonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="HealthMonitor"/> (a singleton; call its StartAsync once the launch is done,
    /// its StopAsync before the resources stop), its samplers, the probe source that reads the model,
    /// and the <see cref="EventStream"/> when none is registered yet.
    /// <code>builder.Services.AddHealthMonitoring(new HealthMonitorOptions { Interval = TimeSpan.FromSeconds(10) });</code>
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="options">The monitor's options; <see cref="MonitoringDefaults"/> when null.</param>
    public static IServiceCollection AddHealthMonitoring(this IServiceCollection services, HealthMonitorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddSingleton(options ?? new HealthMonitorOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new EventStreamOptions());
        services.TryAddSingleton<EventStream>();
        services.TryAddSingleton<IProcFileReader, ProcFileReader>();
        services.TryAddSingleton<IDiskUsageReader, DriveInfoDiskUsageReader>();
        services.TryAddSingleton<ProcessStatsSampler>();
        services.TryAddSingleton(sp => new HostStatsSampler(
            sp.GetRequiredService<IProcFileReader>(),
            sp.GetRequiredService<IDiskUsageReader>(),
            sp.GetRequiredService<HealthMonitorOptions>().DiskPath
                ?? sp.GetService<HostingPaths>()?.StateDirectory
                ?? Directory.GetCurrentDirectory()));
        services.TryAddSingleton<IReplicaProbeSource, ModelReplicaProbeSource>();
        services.TryAddSingleton<HealthMonitor>();
        return services;
    }
}
