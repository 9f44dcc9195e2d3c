using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Events;
using Orchestrator.Api.Monitoring;
using Orchestrator.Api.Tests.Fakes;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Monitoring;

/// <summary>A health monitor on a fake clock, fake probes and a fake /proc, with the real notification service and event stream.</summary>
internal sealed class MonitorHarness : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Check timing without a grace period, so that every failure counts.</summary>
    public static readonly HealthCheckSettings NoGrace = new(Interval, Timeout, FailureThreshold: 3, StartupGracePeriod: TimeSpan.Zero);

    public MonitorHarness(HealthMonitorOptions? options = null)
    {
        Options = options ?? new HealthMonitorOptions();
        Notifications = new ResourceNotificationService(NullLogger<ResourceNotificationService>.Instance);
        Events = new EventStream(new EventStreamOptions(), NullLogger<EventStream>.Instance);
        Monitor = new HealthMonitor(
            Notifications,
            Events,
            Probes,
            new ProcessStatsSampler(Proc, Clock),
            new HostStatsSampler(Proc, Disk, "/var/lib/orchestrator-test"),
            Options,
            Clock,
            NullLogger<HealthMonitor>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new();

    public FakeProcFiles Proc { get; } = new();

    public FakeDiskUsageReader Disk { get; } = new();

    public FakeProbeSource Probes { get; } = new();

    public HealthMonitorOptions Options { get; }

    public ResourceNotificationService Notifications { get; }

    public EventStream Events { get; }

    public HealthMonitor Monitor { get; }

    /// <summary>A running replica <c>api-{index}</c> with the given probes, as the executor publishes it once healthy.</summary>
    public ResourceSnapshot PublishRunning(
        int index, FakeHealthProbe? readiness, FakeHealthProbe? liveness = null, HealthCheckSettings? settings = null, int? pid = null)
    {
        var name = $"api-{index}";
        Probes.Set(name, new ReplicaProbeSet(readiness, liveness, settings ?? NoGrace));
        return Notifications.Publish(new ResourceSnapshot("api", name, index, "executable")
        {
            State = KnownResourceState.Running,
            Health = readiness is null ? null : HealthStatus.Healthy,
            ProcessId = pid ?? 1000 + index,
            StartedAt = Clock.GetUtcNow(),
        });
    }

    public FakeHealthProbe NewProbe(string description = "fake probe") => new(Clock, description);

    public Task StartAsync() => Monitor.StartAsync(CancellationToken.None);

    /// <summary>
    /// Moves the clock, off the test's synchronization context: there, the monitor's continuations run
    /// inline as the timers fire, so each check (with a fake probe) is done when this returns.
    /// </summary>
    public Task AdvanceAsync(TimeSpan delta) => Task.Run(() => Clock.Advance(delta));

    /// <summary>Moves the clock by whole intervals, one at a time, so that each check runs before the next is due.</summary>
    public async Task AdvanceIntervalsAsync(int count, TimeSpan? interval = null)
    {
        for (var i = 0; i < count; i++)
        {
            await AdvanceAsync(interval ?? Interval);
        }
    }

    public ReplicaHealthReport Report(int index = 0) =>
        Monitor.GetReplicaHealth($"api-{index}") ?? throw new InvalidOperationException($"api-{index} is unknown to the monitor.");

    public ResourceSnapshot Snapshot(int index = 0) =>
        Notifications.GetSnapshot($"api-{index}") ?? throw new InvalidOperationException($"api-{index} has no snapshot.");

    /// <summary>Waits, with a timeout, until <paramref name="condition"/> holds; for what the monitor does on its own watcher task.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Gave up waiting until {what}.");
            }
        }
    }

    /// <summary>Ends <paramref name="subscription"/> and returns what it received.</summary>
    public static async Task<List<T>> DrainAsync<T>(EventSubscription subscription) where T : OrchestratorEvent
    {
        subscription.Dispose();
        var received = new List<T>();
        using var timeout = new CancellationTokenSource(Patience);
        await foreach (var orchestratorEvent in subscription.WithCancellation(timeout.Token))
        {
            if (orchestratorEvent is T wanted)
            {
                received.Add(wanted);
            }
        }

        return received;
    }

    public async ValueTask DisposeAsync()
    {
        await Monitor.DisposeAsync();
        Events.Dispose();
    }
}
