using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Events;
using Orchestrator.Api.Monitoring;
using Orchestrator.Api.Tests.Launch;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Secrets;

namespace Orchestrator.Api.Tests.Monitoring;

public sealed class HealthMonitoringServiceCollectionTests
{
    [Fact]
    public async Task Registers_a_monitor_that_resolves_with_what_the_host_registers()
    {
        var state = Path.Combine(Path.GetTempPath(), "monitor-di-test");
        var services = new ServiceCollection();
        services.AddSingleton(new TestModelBuilder().Model);
        services.AddSingleton(new HostingPaths(Path.GetTempPath(), state));
        services.AddSingleton<ResourceNotificationService>();
        services.AddSingleton<ISecretStore>(new FileSecretStore(Path.Combine(state, "secrets")));
        services.AddSingleton(sp => new ResourceRuntimeContext(state, sp.GetRequiredService<ISecretStore>(),
            new Dictionary<(string, string, int), AllocatedEndpoint>()));
        services.AddResourceDrivers();

        services.AddHealthMonitoring(new HealthMonitorOptions { FailureThreshold = 7 });
        await using var provider = services.BuildServiceProvider();

        var monitor = provider.GetRequiredService<HealthMonitor>();
        Assert.Same(monitor, provider.GetRequiredService<HealthMonitor>());
        Assert.NotNull(provider.GetRequiredService<EventStream>());
        Assert.Equal(7, provider.GetRequiredService<HealthMonitorOptions>().FailureThreshold);
        Assert.Equal(state, monitor.GetHostReport().DiskPath);
    }

    [Fact]
    public void Keeps_an_event_stream_registered_before_it()
    {
        var services = new ServiceCollection();
        using var stream = new EventStream(new EventStreamOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger<EventStream>.Instance);
        services.AddSingleton(stream);

        services.AddHealthMonitoring();

        Assert.Single(services, d => d.ServiceType == typeof(EventStream));
    }
}
