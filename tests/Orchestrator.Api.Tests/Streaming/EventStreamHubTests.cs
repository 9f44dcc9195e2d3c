using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Events;
using Orchestrator.Api.Streaming;
using Orchestrator.Api.Tests.Fakes;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Api.Tests.Streaming;

public sealed class EventStreamHubTests : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new();
    private readonly ResourceNotificationService _notifications = new(NullLogger<ResourceNotificationService>.Instance);
    private readonly EventStream _events = new(new EventStreamOptions(), NullLogger<EventStream>.Instance);
    private readonly Dictionary<string, FakeProcessHandle> _processes = [];
    private EventStreamHub? _hub;

    [Fact]
    public async Task The_snapshot_comes_first_then_the_events_the_filter_takes()
    {
        _notifications.Publish(Replica("svc", KnownResourceState.Running));
        _notifications.Publish(Replica("other", KnownResourceState.Running));
        var client = Hub().Connect(Filter("svc", "alert.raised"));
        using var frames = new FrameReader(client);

        _events.Publish(new AlertRaised(_clock.GetUtcNow(), "other", null, AlertSeverity.Info, "other"));
        _events.Publish(new Released(_clock.GetUtcNow(), "svc", "svc-0"));
        _events.Publish(new AlertRaised(_clock.GetUtcNow(), "svc", null, AlertSeverity.Info, "mine"));

        var snapshot = await frames.NextAsync();
        Assert.Equal("snapshot", snapshot.GetProperty("type").GetString());
        Assert.Equal(["svc"], snapshot.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("mine", (await frames.NextAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_client_that_falls_behind_is_dropped_and_the_others_go_on()
    {
        var hub = Hub(new EventStreamingOptions { SendQueueCapacity = 4 });
        var slow = hub.Connect(StreamFilter.All);
        var reading = hub.Connect(StreamFilter.All);
        using var frames = new FrameReader(reading);
        await frames.NextAsync();

        for (var i = 0; i < 6; i++)
        {
            _events.Publish(new AlertRaised(_clock.GetUtcNow(), "svc", null, AlertSeverity.Info, $"alert {i}"));
            Assert.Equal($"alert {i}", (await frames.NextAsync()).GetProperty("message").GetString());
        }

        Assert.True(slow.Queue.HasOverflowed);
        Assert.True(slow.FellBehind.IsCompleted);
        Assert.False(reading.Queue.HasOverflowed);
        Assert.Equal(1, hub.SlowClientsDropped);
    }

    [Fact]
    public async Task A_state_change_sends_a_state_event_and_the_replica_but_a_mere_republish_sends_nothing()
    {
        _notifications.Publish(Replica("svc", KnownResourceState.Running));
        var client = Hub().Connect(Filter(null, "resource.state,replica,alert.raised"));
        using var frames = new FrameReader(client);
        await frames.NextAsync();

        _notifications.PublishUpdate("svc-0", s => s);
        _notifications.PublishUpdate("svc-0", s => s with { State = KnownResourceState.Exited, ExitCode = 137, ProcessId = null });
        var state = await frames.NextAsync();
        var replica = await frames.NextAsync();

        Assert.Equal(("resource.state", "Exited", "Running"), (Type(state), state.GetProperty("state").GetString(), state.GetProperty("previous").GetString()));
        Assert.Equal("replica", Type(replica));
        Assert.Equal(137, replica.GetProperty("snapshot").GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task An_event_the_orchestrator_publishes_after_a_state_change_never_overtakes_it()
    {
        _notifications.Publish(Replica("svc", KnownResourceState.Running));
        var client = Hub().Connect(Filter(null, "resource.state,restart.scheduled"));
        using var frames = new FrameReader(client);
        await frames.NextAsync();
        KnownResourceState[] states = [KnownResourceState.Exited, KnownResourceState.Running];

        // What a healer does: it hears of the exit, then says what it will do about it.
        for (var i = 0; i < 50; i++)
        {
            _notifications.PublishUpdate("svc-0", s => s with { State = states[i % 2] });
            _events.Publish(new RestartScheduled(_clock.GetUtcNow(), "svc", "svc-0", i + 1, 1, RestartAction.Immediate, TimeSpan.Zero));
        }

        var expected = Enumerable.Range(0, 50).SelectMany(i => new[] { $"resource.state {states[i % 2]}", $"restart.scheduled {i + 1}" }).ToList();
        var seen = new List<string>();
        while (seen.Count < expected.Count)
        {
            var frame = await frames.NextAsync();
            seen.Add(Type(frame) == "restart.scheduled" ? $"restart.scheduled {frame.GetProperty("attempt").GetInt32()}" : $"{Type(frame)} {frame.GetProperty("state").GetString()}");
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Usage_comes_every_interval()
    {
        var client = Hub(new EventStreamingOptions { UsageInterval = TimeSpan.FromSeconds(5) }).Connect(Filter(null, "usage"));
        using var frames = new FrameReader(client);
        await frames.NextAsync();

        _clock.Advance(TimeSpan.FromSeconds(5));

        var usage = await frames.NextAsync();
        Assert.Equal("usage", Type(usage));
        Assert.Equal(_clock.GetUtcNow(), usage.GetProperty("timestamp").GetDateTimeOffset());
    }

    [Fact]
    public async Task Subscribed_logs_follow_a_replica_into_its_next_process()
    {
        _notifications.Publish(Replica("svc", KnownResourceState.Running));
        _processes["svc-0"] = new FakeProcessHandle(1);
        var hub = Hub();
        var client = hub.Connect(Filter(null, "alert.raised"));
        using var frames = new FrameReader(client);
        await frames.NextAsync();

        Assert.Null(hub.Execute(client, new ClientCommand(ClientCommand.SubscribeLogs, "svc", null)));
        _processes["svc-0"].Print("first process");
        var restarted = new FakeProcessHandle(2);
        restarted.Print("second process starting");
        _processes["svc-0"] = restarted;
        _notifications.PublishUpdate("svc-0", s => s with { ProcessId = 2 });

        Assert.Equal("first process", Text(await frames.NextAsync()));
        Assert.Equal("second process starting", Text(await frames.NextAsync()));
    }

    [Fact]
    public void Commands_about_unknown_resources_or_replicas_are_errors()
    {
        _notifications.Publish(Replica("svc", KnownResourceState.Running));
        var hub = Hub();
        var client = hub.Connect(StreamFilter.All);

        Assert.Equal("Unknown resource 'nope'.", hub.Execute(client, new ClientCommand(ClientCommand.SubscribeLogs, "nope", null)));
        Assert.Contains("has no replica 'svc-9'", hub.Execute(client, new ClientCommand(ClientCommand.SubscribeLogs, "svc", "svc-9")));
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        _events.Dispose();
    }

    private EventStreamHub Hub(EventStreamingOptions? options = null) =>
        _hub = new EventStreamHub(_events, _notifications, new FakeLogSource(_processes), new StreamStateReader(_notifications, _clock),
            options ?? new EventStreamingOptions(), _clock, NullLogger<EventStreamHub>.Instance);

    private static StreamFilter Filter(string? resources, string? types)
    {
        Assert.True(StreamFilter.TryParse(resources, types, out var filter, out _));
        return filter;
    }

    private static ResourceSnapshot Replica(string resource, KnownResourceState state) =>
        new(resource, $"{resource}-0", 0, "executable") { State = state, ProcessId = 1, StartedAt = DateTimeOffset.UnixEpoch };

    private static string? Type(JsonElement message) => message.GetProperty("type").GetString();

    private static string? Text(JsonElement message)
    {
        Assert.Equal("log", Type(message));
        return message.GetProperty("text").GetString();
    }

    private sealed class FakeLogSource(Dictionary<string, FakeProcessHandle> processes) : IReplicaLogSource
    {
        public IProcessHandle? GetProcess(string replicaName) => processes.GetValueOrDefault(replicaName);
    }

    private sealed class FrameReader(StreamClient client) : IDisposable
    {
        private readonly IAsyncEnumerator<StreamFrame> _frames = client.Queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();

        public async Task<JsonElement> NextAsync()
        {
            Assert.True(await _frames.MoveNextAsync().AsTask().WaitAsync(Timeout), "The queue ended.");
            return JsonDocument.Parse(_frames.Current.Utf8).RootElement;
        }

        public void Dispose() => _ = _frames.DisposeAsync();
    }
}
