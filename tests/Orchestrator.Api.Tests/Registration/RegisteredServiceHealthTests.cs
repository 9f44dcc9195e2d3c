using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Balancing;
using Orchestrator.Api.Events;
using Orchestrator.Api.Registration;
using Orchestrator.Api.Tests.Balancing;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Registration;

/// <summary>A registered service backed by a real HTTP server: probed, balanced, removed.</summary>
[Trait("Category", "Integration")]
public sealed class RegisteredServiceHealthTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly ExternalHealthCheck FastCheck = new("/health", TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    private readonly ScriptedHttpServer _server = new();
    private readonly ResourceNotificationService _notifications = new(NullLogger<ResourceNotificationService>.Instance);
    private readonly EventStream _events = new(new EventStreamOptions(), NullLogger<EventStream>.Instance);
    private readonly ExternalServiceRegistry _registry;
    private readonly LoadBalancer _balancer;

    public RegisteredServiceHealthTests()
    {
        _registry = new ExternalServiceRegistry(_notifications, _events, TimeProvider.System, NullLogger<ExternalServiceRegistry>.Instance);
        _balancer = new LoadBalancer(_notifications, new FakeConnectionCounter(), [_registry]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _server.DisposeAsync();
        _events.Dispose();
    }

    [Fact]
    public async Task Becomes_healthy_leaves_balancing_when_it_answers_500_and_its_removal_removes_its_snapshots()
    {
        _server.SetStatus("/health", 200);
        using var healthChanges = _events.Subscribe(e => e is HealthChanged { Resource: "payments" });
        using var timeout = new CancellationTokenSource(Patience);

        var outcome = await _registry.RegisterAsync(
            new ExternalServiceRegistration("payments", "external", [new ExternalEndpoint(_server.Url)], FastCheck, []), timeout.Token);
        Assert.Equal(RegistrationStatus.Registered, outcome.Status);

        await _notifications.WaitForAsync("payments", s => s.Health == HealthStatus.Healthy, timeout.Token);
        var healthy = _balancer.Pick("payments", BalancingStrategy.PowerOfTwo, caller: null);
        Assert.Equal(BalancingStatus.Picked, healthy.Status);
        Assert.Equal(_server.Url, healthy.Endpoint!.Url);
        Assert.Equal(HealthStatus.Healthy, ((HealthChanged)await NextAsync(healthChanges, timeout.Token)).Health);

        _server.SetStatus("/health", 500);
        await _notifications.WaitForAsync("payments", s => s.Health == HealthStatus.Unhealthy, timeout.Token);
        var unhealthy = (HealthChanged)await NextAsync(healthChanges, timeout.Token);
        Assert.Equal((HealthStatus.Unhealthy, HealthStatus.Healthy), (unhealthy.Health!.Value, unhealthy.Previous!.Value));
        Assert.Contains("500", unhealthy.Description, StringComparison.Ordinal);
        Assert.Equal(KnownResourceState.Running, _notifications.GetSnapshot("payments-0")!.State); // never restarted, never failed
        foreach (var strategy in Enum.GetValues<BalancingStrategy>())
        {
            Assert.Equal(BalancingStatus.NoneAvailable, _balancer.Pick("payments", strategy, caller: null).Status);
        }

        Assert.NotEmpty(_registry.GetHealthHistory("payments-0"));
        Assert.Equal(RemovalStatus.Removed, await _registry.RemoveAsync("payments", timeout.Token));

        Assert.Empty(_notifications.GetSnapshots("payments"));
        Assert.False(_registry.IsRegistered("payments"));
        Assert.Equal(BalancingStatus.UnknownResource, _balancer.Pick("payments", BalancingStrategy.RoundRobin, caller: null).Status);
    }

    [Fact]
    public async Task A_removed_service_is_probed_no_more()
    {
        _server.SetStatus("/health", 200);
        _server.SetStatus("/witness", 200);
        using var timeout = new CancellationTokenSource(Patience);
        await _registry.RegisterAsync(new ExternalServiceRegistration("payments", "external", [new ExternalEndpoint(_server.Url)], FastCheck, []), timeout.Token);
        await _registry.RegisterAsync(new ExternalServiceRegistration("witness", "external", [new ExternalEndpoint(_server.Url)], FastCheck with { Path = "/witness" }, []), timeout.Token);
        await WaitUntilAsync(() => _server.RequestsTo("/health") >= 2, timeout.Token);

        await _registry.RemoveAsync("payments", timeout.Token);
        var probesAtRemoval = _server.RequestsTo("/health");
        var witnessAtRemoval = _server.RequestsTo("/witness");

        // Three more probes of the witness span three intervals, in which the removed service would have been probed too.
        await WaitUntilAsync(() => _server.RequestsTo("/witness") >= witnessAtRemoval + 3, timeout.Token);
        Assert.Equal(probesAtRemoval, _server.RequestsTo("/health"));
    }

    [Fact]
    public async Task Registered_weights_feed_the_weighted_strategy()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _registry.RegisterAsync(new ExternalServiceRegistration("ledger", "external",
            [new ExternalEndpoint(new Uri("http://127.0.0.1:7001")), new ExternalEndpoint(new Uri("http://127.0.0.1:7002"), Weight: 3)], HealthCheck: null, []),
            timeout.Token);

        var toHeavy = Enumerable.Range(0, 400).Count(_ => _balancer.Pick("ledger", BalancingStrategy.Weighted, caller: null).Endpoint!.Replica == "ledger-1");

        Assert.Equal(300, toHeavy);
    }

    private static async Task<OrchestratorEvent> NextAsync(EventSubscription subscription, CancellationToken cancellationToken)
    {
        await using var events = subscription.WithCancellation(cancellationToken).GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());
        return events.Current;
    }

    private async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        var served = new SemaphoreSlim(0);
        void OnServed() => served.Release();
        _server.Served += OnServed;
        try
        {
            while (!condition())
            {
                await served.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            _server.Served -= OnServed;
        }
    }
}
