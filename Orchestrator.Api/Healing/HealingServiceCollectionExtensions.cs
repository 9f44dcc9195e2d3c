using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Events;
using Orchestrator.Hosting;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Healing;

/// <summary>Registers the healer and what it needs.</summary>
public static class HealingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="Healer"/>, its <see cref="HealingJournal"/> at <c>{state}/healing.db</c>, the
    /// <see cref="EventStream"/> (unless registered already) and the <see cref="IReplicaControl"/> over the executor.
    /// <c>AddOrchestrator()</c> calls it; call it again with options to change them:
    /// <code>builder.Services.AddHealing(new HealerOptions { StartTimeout = TimeSpan.FromSeconds(30) });</code>
    /// </summary>
    /// <param name="services">The AppHost's services.</param>
    /// <param name="options">The healer's options; they replace earlier ones. Without them, earlier ones or the defaults stay.</param>
    public static IServiceCollection AddHealing(this IServiceCollection services, HealerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (options is not null)
        {
            services.AddSingleton(options);
        }
        else
        {
            services.TryAddSingleton(new HealerOptions());
        }

        services.TryAddSingleton(new EventStreamOptions());
        services.TryAddSingleton<EventStream>();
        services.TryAddSingleton<IReplicaControl>(sp => new ResourceExecutorReplicaControl(sp.GetRequiredService<ResourceExecutor>()));
        services.TryAddSingleton(sp =>
        {
            var paths = sp.GetRequiredService<HostingPaths>();
            // SQLite's async API completes synchronously, so opening here blocks no more than a sync open would.
            return HealingJournal.OpenAsync(
                HealingJournalOptions.InStateDirectory(paths.StateDirectory),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<HealingJournal>>()).GetAwaiter().GetResult();
        });
        services.TryAddSingleton<Healer>();
        return services;
    }
}
