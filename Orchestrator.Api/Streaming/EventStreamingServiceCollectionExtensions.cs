using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Events;
using Orchestrator.Api.Healing;
using Orchestrator.Api.Monitoring;
using Orchestrator.Api.Registration;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Streaming;

/// <summary>Registers the WebSocket event stream.</summary>
public static class EventStreamingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EventStreamHub"/> (what <see cref="EventStreamEndpoint"/> serves) with its options.
    /// <code>builder.Services.AddEventStreaming(new EventStreamingOptions { SendQueueCapacity = 256 });</code>
    /// </summary>
    public static IServiceCollection AddEventStreaming(this IServiceCollection services, EventStreamingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (options is not null)
        {
            options.Validate();
            services.RemoveAll<EventStreamingOptions>();
            services.AddSingleton(options);
        }
        else
        {
            services.TryAddSingleton(new EventStreamingOptions());
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new EventStreamOptions());
        services.TryAddSingleton<EventStream>();
        services.TryAddSingleton<IReplicaLogSource>(sp => new ExecutorReplicaLogSource(sp.GetRequiredService<ResourceExecutor>()));
        services.TryAddSingleton(sp => new EventStreamHub(
            sp.GetRequiredService<EventStream>(),
            sp.GetRequiredService<ResourceNotificationService>(),
            sp.GetRequiredService<IReplicaLogSource>(),
            new StreamStateReader(
                sp.GetRequiredService<ResourceNotificationService>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<DistributedApplicationModel>(),
                sp.GetService<Healer>(),
                sp.GetService<HealthMonitor>(),
                sp.GetService<IDistributedApplicationRuntime>(),
                sp.GetService<IExternalServiceRegistry>()),
            sp.GetRequiredService<EventStreamingOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EventStreamHub>>()));
        return services;
    }
}
