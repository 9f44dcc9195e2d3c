using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Events;
using Orchestrator.Api.Healing;
using Orchestrator.Api.Telemetry;
using Orchestrator.Api.Tests.Launch;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Healing;

/// <summary>
/// A healer over a fake mechanism, a fake clock and a real journal in a temporary directory. Declare the
/// model on <see cref="Builder"/>, then <see cref="StartAsync"/>: every replica is published as launched.
/// </summary>
internal sealed class HealerHarness : IAsyncDisposable
{
    // Not one of the ladder's delays or uptimes, so that a test waiting for a delay never mistakes a start's timeout for it.
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(17);

    private readonly string _directory = Directory.CreateTempSubdirectory("healer-tests-").FullName;

    public HealerHarness()
    {
        Control = new FakeReplicaControl(Notifications, Clock);
        Log = new EventLog(Events);
    }

    public TestModelBuilder Builder { get; } = new();

    public TestClock Clock { get; } = new();

    public ResourceNotificationService Notifications { get; } = new(NullLogger<ResourceNotificationService>.Instance);

    public EventStream Events { get; } = new(new EventStreamOptions(), NullLogger<EventStream>.Instance);

    public FakeReplicaControl Control { get; }

    public EventLog Log { get; }

    /// <summary>The healer's options; the circuit stays out of the way unless a test sets its own.</summary>
    public HealerOptions Options { get; set; } = new()
    {
        StartTimeout = StartTimeout,
        CircuitBreaker = new RestartCircuitBreakerOptions { MinimumThroughput = 1000 },
    };

    /// <summary>What the healer reports its actions to; null for a healer without metrics.</summary>
    public OrchestratorInstrumentation? Telemetry { get; set; }

    public HealingJournal Journal { get; private set; } = null!;

    public Healer Healer { get; private set; } = null!;

    public async Task StartAsync()
    {
        Journal = await HealingJournal.OpenAsync(new HealingJournalOptions(Path.Combine(_directory, "healing.db")), Clock,
            NullLogger<HealingJournal>.Instance);
        var model = Builder.Model;
        Control.Launch(model);
        Healer = new Healer(model, Control, Notifications, Events, Journal, Options, Clock, NullLogger<Healer>.Instance, Telemetry);
        await Healer.StartAsync();
    }

    /// <summary>The resource's healing history, oldest first.</summary>
    public async Task<IReadOnlyList<HealingRecord>> HistoryAsync(string resource) =>
        (await Journal.QueryAsync(new HealingQuery(resource, Limit: 1000))).Reverse().ToList();

    public async Task<IReadOnlyList<HealingRecordKind>> KindsAsync(string resource) =>
        (await HistoryAsync(resource)).Select(r => r.Kind).ToList();

    public ResourceSnapshot Snapshot(string replica) => Notifications.GetSnapshot(replica)!;

    public ReplicaHealingStatus Status(string replica) =>
        Healer.GetStatus(replica[..replica.LastIndexOf('-')])!.Replicas.Single(r => r.Replica == replica);

    /// <summary>Waits until the healer says <paramref name="replica"/> is in <paramref name="phase"/>.</summary>
    public async Task WaitForPhaseAsync(string replica, ReplicaHealingPhase phase)
    {
        var deadline = DateTime.UtcNow + ConditionWaiter.SafetyTimeout;
        while (Status(replica).Phase != phase)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{replica}' never reached {phase}; it is {Status(replica)}");
            }

            // The phase is kept by the healer's loop, which tells nobody: look again shortly.
            await Task.Delay(TimeSpan.FromMilliseconds(2));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Healer is not null)
        {
            await Healer.DisposeAsync();
        }

        Log.Dispose();
        Events.Dispose();
        if (Journal is not null)
        {
            await Journal.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
