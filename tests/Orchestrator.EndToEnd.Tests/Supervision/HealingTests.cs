using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Healing;
using Orchestrator.EndToEnd.Tests.Infrastructure;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.EndToEnd.Tests.Supervision;

/// <summary>The healer against real processes, through the real AppHost runtime, with short ladders.</summary>
[Trait("Category", "Integration")]
public sealed class HealingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task A_killed_replica_is_restarted_and_healthy_again_with_a_new_pid()
    {
        using var state = new TempDirectory();
        var builder = TestApps.CreateBuilder(state);
        builder.AddTestService("svc").WithRestartPolicy(RestartPolicy.Always, o =>
        {
            o.Tiers = [RestartTier.Immediate(Short), RestartTier.Quarantine()];
            o.MinUptime = TimeSpan.FromMilliseconds(500);
        });
        await using var app = builder.Build();
        await app.StartAsync();
        try
        {
            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            var pid = notifications.GetSnapshot("svc-0")!.ProcessId!.Value;

            Process.GetProcessById(pid).Kill();

            var restarted = await notifications.WaitForAsync("svc", s => s.State == KnownResourceState.Running && s.ProcessId is { } p && p != pid)
                .WaitAsync(Timeout);
            using var http = new HttpClient();
            Assert.Equal($"ok pid={restarted.ProcessId}", await http.GetStringAsync($"{app.UrlOf("svc")}/health"));
            var history = await HistoryAsync(app, "svc");
            Assert.Equal(
                [HealingRecordKind.FailureDetected, HealingRecordKind.RestartScheduled, HealingRecordKind.RestartStarted],
                history.Select(r => r.Kind).Take(3));
            Assert.Equal("exited with code 137", history[0].Message);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task A_program_that_keeps_crashing_climbs_the_ladder_to_quarantine_and_stays_there()
    {
        using var state = new TempDirectory();
        var builder = TestApps.CreateBuilder(state);
        // Healthy at once, dead two seconds later: every start looks fine, none lasts its minimum uptime.
        builder.AddTestService("crashy", "--exit-after-ms", "2000", "--print", "about to crash").WithRestartPolicy(RestartPolicy.Always, o =>
        {
            o.Tiers =
            [
                RestartTier.Immediate(Short, Short),
                RestartTier.Graceful(Short),
                RestartTier.RestartDependencies(Short),
                RestartTier.Quarantine(),
            ];
            o.MinUptime = TimeSpan.FromSeconds(4);
            o.GracefulStopTimeout = TimeSpan.FromSeconds(2);
        });
        builder.AddTestService("steady");
        builder.Services.AddHealing(new HealerOptions
        {
            CircuitBreaker = new RestartCircuitBreakerOptions { BreakDuration = TimeSpan.FromSeconds(1) },
        });
        await using var app = builder.Build();
        await app.StartAsync();
        try
        {
            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();

            var quarantined = await notifications.WaitForAsync("crashy", s => s.State == KnownResourceState.Quarantined)
                .WaitAsync(TimeSpan.FromSeconds(90));

            Assert.Contains("about to crash", quarantined.StateReason);
            Assert.Equal(KnownResourceState.Running, notifications.GetSnapshot("steady-0")!.State);
            // Nothing starts it again (the ladder's delays are 50 ms: three seconds is plenty).
            await Assert.ThrowsAsync<TimeoutException>(() =>
                notifications.WaitForAsync("crashy", s => s.State != KnownResourceState.Quarantined).WaitAsync(TimeSpan.FromSeconds(3)));
            var steps = (await HistoryAsync(app, "crashy")).Where(r => r.Replica is not null)
                .Select(r => (r.Kind, r.Attempt)).ToList();
            List<(HealingRecordKind, int?)> expected = [];
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                expected.Add((HealingRecordKind.FailureDetected, null));
                expected.Add((HealingRecordKind.RestartScheduled, attempt));
                expected.Add((HealingRecordKind.RestartStarted, attempt));
                expected.Add((HealingRecordKind.RestartFailed, attempt));
            }

            expected.Add((HealingRecordKind.FailureDetected, null));
            expected.Add((HealingRecordKind.Quarantined, 5));
            Assert.Equal(expected, steps);
            Assert.Contains(HealingRecordKind.CircuitOpened, (await HistoryAsync(app, "crashy")).Select(r => r.Kind));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task A_hung_program_is_restarted()
    {
        using var state = new TempDirectory();
        var builder = TestApps.CreateBuilder(state);
        // The port stays open, but the health check stops answering two seconds after each process first answered it.
        builder.AddTestService("hung", "--hang-health-after-ms", "2000")
            .WithHealthCheckOptions(interval: TimeSpan.FromMilliseconds(200), timeout: TimeSpan.FromMilliseconds(300), failureThreshold: 2,
                startupGracePeriod: TimeSpan.FromMilliseconds(500))
            .WithRestartPolicy(RestartPolicy.Always, o =>
            {
                o.Tiers = [RestartTier.Immediate(Short, Short, Short), RestartTier.Quarantine()];
                o.MinUptime = TimeSpan.FromMilliseconds(500);
            });
        await using var app = builder.Build();
        await app.StartAsync();
        try
        {
            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            var pid = notifications.GetSnapshot("hung-0")!.ProcessId!.Value;

            var restarted = await notifications.WaitForAsync("hung", s => s.State == KnownResourceState.Running && s.ProcessId is { } p && p != pid)
                .WaitAsync(Timeout);

            Assert.Empty(await ProcessTree.WaitUntilGoneAsync([pid], TimeSpan.FromSeconds(10)));
            Assert.NotEqual(pid, restarted.ProcessId);
            var history = await HistoryAsync(app, "hung");
            Assert.Equal(HealingRecordKind.FailureDetected, history[0].Kind);
            Assert.Contains("liveness check failed", history[0].Message);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task A_manual_restart_replaces_the_process_and_its_stop_is_no_failure()
    {
        using var state = new TempDirectory();
        var builder = TestApps.CreateBuilder(state);
        builder.AddTestService("svc");
        await using var app = builder.Build();
        await app.StartAsync();
        try
        {
            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            var pid = notifications.GetSnapshot("svc-0")!.ProcessId!.Value;

            await app.Services.GetRequiredService<Healer>().RestartAsync("svc").WaitAsync(Timeout);

            var now = notifications.GetSnapshot("svc-0")!;
            Assert.Equal(KnownResourceState.Running, now.State);
            Assert.NotEqual(pid, now.ProcessId);
            Assert.Empty(await ProcessTree.WaitUntilGoneAsync([pid], TimeSpan.FromSeconds(10)));
            Assert.Equal([HealingRecordKind.ManualRestart], (await HistoryAsync(app, "svc")).Select(r => r.Kind));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task A_graceful_restart_kills_a_program_that_ignores_SIGTERM_once_its_grace_period_is_over()
    {
        using var state = new TempDirectory();
        var builder = TestApps.CreateBuilder(state);
        builder.AddTestService("stubborn", "--ignore-sigterm")
            .WithRestartPolicy(RestartPolicy.Always, o => o.GracefulStopTimeout = TimeSpan.FromSeconds(1));
        await using var app = builder.Build();
        await app.StartAsync();
        try
        {
            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            var pid = notifications.GetSnapshot("stubborn-0")!.ProcessId!.Value;
            var stopwatch = Stopwatch.StartNew();

            await app.Services.GetRequiredService<Healer>().RestartAsync("stubborn").WaitAsync(Timeout);

            Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(1), $"restarted after {stopwatch.Elapsed}, before the grace period was over");
            Assert.False(ProcessTree.IsAlive(pid));
            Assert.NotEqual(pid, notifications.GetSnapshot("stubborn-0")!.ProcessId);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Killing_a_dependency_does_not_make_its_dependents_burn_their_ladders()
    {
        using var state = new TempDirectory();
        var builder = TestApps.CreateBuilder(state);
        var db = builder.AddTestService("db").WithRestartPolicy(RestartPolicy.Always, o =>
        {
            // Down long enough for its dependents to notice and die.
            o.Tiers = [RestartTier.Immediate(TimeSpan.FromSeconds(2)), RestartTier.Quarantine()];
            o.MinUptime = TimeSpan.Zero;
        });
        for (var i = 0; i < 2; i++)
        {
            builder.AddTestService($"api-{i}", "--exit-when-down", "services__db__http__0", "--exit-code", "3")
                .WithReference(db).WaitFor(db)
                .WithRestartPolicy(RestartPolicy.Always, o => o.MinUptime = TimeSpan.FromMilliseconds(500));
        }

        await using var app = builder.Build();
        await app.StartAsync();
        try
        {
            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            var waiting = Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
                notifications.WaitForAsync($"api-{i}", s => s.State == KnownResourceState.Waiting && s.StateReason == "waiting for 'db' to recover")));
            var apiPids = Enumerable.Range(0, 2).Select(i => notifications.GetSnapshot($"api-{i}-0")!.ProcessId!.Value).ToList();

            Process.GetProcessById(notifications.GetSnapshot("db-0")!.ProcessId!.Value).Kill();

            await waiting.WaitAsync(Timeout);
            for (var i = 0; i < 2; i++)
            {
                var api = $"api-{i}";
                var back = await notifications.WaitForAsync(api, s => s.State == KnownResourceState.Running && s.ProcessId is { } p && p != apiPids[i])
                    .WaitAsync(Timeout);
                Assert.NotNull(back.ProcessId);
                var kinds = (await HistoryAsync(app, api)).Select(r => r.Kind).ToList();
                Assert.Equal([HealingRecordKind.FailureDetected, HealingRecordKind.WaitingForDependency, HealingRecordKind.RestartStarted], kinds.Take(3));
                Assert.DoesNotContain(HealingRecordKind.RestartScheduled, kinds);
                Assert.Equal(0, app.Services.GetRequiredService<Healer>().GetStatus(api)!.Replicas[0].Attempt);
            }
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task The_healing_history_survives_a_restart_of_the_orchestrator_on_the_same_state_directory()
    {
        using var state = new TempDirectory();
        IReadOnlyList<HealingRecord> before;
        await using (var first = BuildSingleService(state))
        {
            await first.StartAsync();
            try
            {
                var notifications = first.Services.GetRequiredService<ResourceNotificationService>();
                var pid = notifications.GetSnapshot("svc-0")!.ProcessId!.Value;
                Process.GetProcessById(pid).Kill();
                await notifications.WaitForAsync("svc", s => s.State == KnownResourceState.Running && s.ProcessId is { } p && p != pid).WaitAsync(Timeout);
                before = await HistoryAsync(first, "svc");
            }
            finally
            {
                await first.StopAsync();
            }
        }

        await using var second = BuildSingleService(state);
        await second.StartAsync();
        try
        {
            var after = await HistoryAsync(second, "svc");

            Assert.NotEmpty(before);
            Assert.Equal(before.Select(r => (r.Id, r.Kind, r.Timestamp)), after.Take(before.Count).Select(r => (r.Id, r.Kind, r.Timestamp)));
        }
        finally
        {
            await second.StopAsync();
        }
    }

    private static DistributedApplication BuildSingleService(TempDirectory state)
    {
        var builder = TestApps.CreateBuilder(state);
        builder.AddTestService("svc").WithRestartPolicy(RestartPolicy.Always, o => o.Tiers = [RestartTier.Immediate(Short), RestartTier.Quarantine()]);
        return builder.Build();
    }

    // Oldest first.
    private static async Task<IReadOnlyList<HealingRecord>> HistoryAsync(DistributedApplication app, string resource) =>
        (await app.Services.GetRequiredService<HealingJournal>().QueryAsync(new HealingQuery(resource, Limit: 1000))).Reverse().ToList();
}
