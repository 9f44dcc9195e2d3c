using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Orchestrator.Api.Events;
using Orchestrator.Api.Healing;
using Orchestrator.Api.Http.Contracts;
using Orchestrator.Api.Monitoring;
using Orchestrator.Api.Streaming;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Streaming;

public sealed class StreamShapesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_running_replica_shows_its_pid_uptime_and_usage()
    {
        var snapshot = Running("svc", 0) with { StartedAt = Now.AddSeconds(-90), RestartCount = 2, CircuitState = "Closed" };

        var replica = StreamShapes.Replica(snapshot, Now, Report("svc", "svc-0", cpu: 12.5, rss: 4096));

        Assert.Equal(new StreamReplica("svc", "svc-0", 0, "Running", null, "Healthy", 4242, snapshot.Urls, Now.AddSeconds(-90), null, 90, null, 2,
            "Closed", 12.5, 4096), replica);
    }

    [Fact]
    public void An_exited_replica_has_no_uptime_and_no_usage()
    {
        var snapshot = Running("svc", 0) with { State = KnownResourceState.Exited, ProcessId = null, ExitCode = 137, StoppedAt = Now };

        var replica = StreamShapes.Replica(snapshot, Now, Report("svc", "svc-0", cpu: 12.5, rss: 4096));

        Assert.Null(replica.UptimeSeconds);
        Assert.Null(replica.CpuPercent);
        Assert.Null(replica.RssBytes);
        Assert.Equal(137, replica.ExitCode);
    }

    [Fact]
    public void A_resource_is_as_bad_as_its_worst_replica()
    {
        List<ResourceSnapshot> snapshots =
        [
            Running("svc", 0),
            Running("svc", 1) with { State = KnownResourceState.Exited, Health = null, RestartCount = 3 },
            Running("svc", 2) with { Health = HealthStatus.Degraded, RestartCount = 1 },
        ];

        var resource = Shape(snapshots);

        Assert.Equal("Exited", resource.State);
        Assert.Equal("Degraded", resource.Health);
        Assert.Equal(1, resource.HealthyReplicas);
        Assert.Equal(4, resource.RestartCount);
        Assert.Equal(3, resource.Urls.Length);
        Assert.False(resource.Quarantined);
    }

    [Fact]
    public void A_resource_the_healer_quarantined_says_so_and_why()
    {
        var healing = new ResourceHealingStatus("svc", BreakerState.Open,
            [new ReplicaHealingStatus("svc-0", ReplicaHealingPhase.Quarantined, 8) { QuarantineReason = "exhausted its ladder" }]);

        var resource = Shape([Running("svc", 0) with { State = KnownResourceState.Exited }], healing);

        Assert.Equal("Quarantined", resource.State);
        Assert.True(resource.Quarantined);
        Assert.Equal("exhausted its ladder", resource.QuarantineReason);
        Assert.Equal("Open", resource.CircuitState);
        Assert.Equal(new HealingSummary("Quarantined", 8, null, "Open"), resource.Healing);
    }

    [Fact]
    public void Usage_lists_only_monitored_replicas_of_the_filtered_resources()
    {
        StreamFilter.TryParse("svc", null, out var filter, out _);
        ReplicaHealthReport[] reports =
        [
            Report("svc", "svc-0", 1, 100),
            Report("svc", "svc-1", 2, 200) with { IsMonitored = false },
            Report("other", "other-0", 3, 300),
        ];

        var usage = StreamShapes.Usage(Now, reports, filter);

        Assert.Equal(new UsageEntry("svc", "svc-0", 1, 100), Assert.Single(usage.Replicas));
    }

    [Fact]
    public void Messages_start_with_their_type_in_camel_case_without_nulls()
    {
        var frame = StreamFrames.Replica(StreamShapes.Replica(Running("svc", 0), Now, null));

        var json = Encoding.UTF8.GetString(frame.Utf8.Span);

        Assert.StartsWith("""{"type":"replica","snapshot":{"resource":"svc","name":"svc-0","index":0,"state":"Running",""", json);
        Assert.DoesNotContain("null", json);
        Assert.Equal(("replica", "svc"), (frame.Type, frame.Resource));
    }

    [Fact]
    public void An_event_frame_is_the_events_own_json_with_its_discriminator()
    {
        var restart = new RestartStarted(Now, "svc", "svc-0", 2, Hosting.ApplicationModel.RestartAction.Graceful);

        var frame = StreamFrames.Event(restart);

        Assert.Equal(OrchestratorEventJson.Serialize(restart), Encoding.UTF8.GetString(frame.Utf8.Span));
        Assert.Equal(("restart.started", "svc"), (frame.Type, frame.Resource));
    }

    [Fact]
    public void Log_and_error_messages_have_the_contracts_fields()
    {
        var log = JsonDocument.Parse(StreamFrames.Log(new LogMessage("svc", "svc-1", Now, "stderr", "boom")).Utf8).RootElement;
        var error = JsonDocument.Parse(StreamFrames.Error("bad").Utf8).RootElement;

        Assert.Equal(["type", "resource", "replica", "timestamp", "stream", "text"], log.EnumerateObject().Select(p => p.Name));
        Assert.Equal("log", log.GetProperty("type").GetString());
        Assert.Equal("""{"type":"error","message":"bad"}""", error.GetRawText());
    }

    private static StreamResource Shape(IReadOnlyList<ResourceSnapshot> snapshots, ResourceHealingStatus? healing = null) =>
        StreamShapes.Resource(snapshots, [.. snapshots.Select(s => StreamShapes.Replica(s, Now, null))], healing, ["db"], 1);

    private static ResourceSnapshot Running(string resource, int index) =>
        new(resource, $"{resource}-{index}", index, "executable")
        {
            State = KnownResourceState.Running,
            Health = HealthStatus.Healthy,
            ProcessId = 4242,
            StartedAt = Now,
            Urls = [$"http://127.0.0.1:{5000 + index}"],
        };

    private static ReplicaHealthReport Report(string resource, string replica, double cpu, long rss) =>
        new(resource, replica, IsMonitored: true, Ready: true, Live: true, ConsecutiveFailures: 0, LastCheck: null, History: [],
            CpuPercent: cpu, RssBytes: rss, Uptime: null, RestartCount: 0, ReadinessProbe: null, LivenessProbe: null, Settings: null);
}
