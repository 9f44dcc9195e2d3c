using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Balancing;
using Orchestrator.Api.Registration;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Registration;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task The_balancer_from_the_container_weighs_registered_endpoints_and_the_registry_stops_with_the_container()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new ResourceNotificationService(NullLogger<ResourceNotificationService>.Instance));
        services.AddLoadBalancing().AddExternalServiceRegistry();
        var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IExternalServiceRegistry>();
        var balancer = provider.GetRequiredService<ILoadBalancer>();

        await registry.RegisterAsync(new ExternalServiceRegistration("ledger", "external",
            [new ExternalEndpoint(new Uri("http://127.0.0.1:7001")), new ExternalEndpoint(new Uri("http://127.0.0.1:7002"), Weight: 3)], HealthCheck: null, []),
            CancellationToken.None);
        var toHeavy = Enumerable.Range(0, 40).Count(_ => balancer.Pick("ledger", BalancingStrategy.Weighted, caller: null).Endpoint!.Replica == "ledger-1");
        Assert.Equal(30, toHeavy);
        Assert.Same(registry, provider.GetRequiredService<ExternalServiceRegistry>());

        await provider.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => registry.RegisterAsync(
            new ExternalServiceRegistration("late", "external", [new ExternalEndpoint(new Uri("http://127.0.0.1:7003"))], HealthCheck: null, []),
            CancellationToken.None));
    }
}
