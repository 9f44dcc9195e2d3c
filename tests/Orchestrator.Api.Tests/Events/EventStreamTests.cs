using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Api.Events;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Tests.Events;

public sealed class EventStreamTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly EventStream _stream = new(new EventStreamOptions { SubscriberCapacity = 4 }, NullLogger<EventStream>.Instance);

    public void Dispose() => _stream.Dispose();

    [Fact]
    public async Task Every_subscriber_gets_every_event_in_order()
    {
        using var first = _stream.Subscribe();
        using var second = _stream.Subscribe();

        var published = Enumerable.Range(1, 3).Select(Scheduled).ToList();
        published.ForEach(_stream.Publish);

        Assert.Equal(published, await ReadAsync(first, 3));
        Assert.Equal(published, await ReadAsync(second, 3));
    }

    [Fact]
    public async Task A_filter_lets_only_matching_events_through()
    {
        using var catalogOnly = _stream.Subscribe(e => e.Resource == "catalog");

        _stream.Publish(Scheduled(1) with { Resource = "basket" });
        _stream.Publish(Scheduled(2));
        _stream.Publish(new Released(Now, "basket", "basket-0"));
        _stream.Publish(new Released(Now, "catalog", "catalog-0"));
        catalogOnly.Dispose();

        var received = await ReadAllAsync(catalogOnly);
        Assert.Equal([Scheduled(2), new Released(Now, "catalog", "catalog-0")], received);
    }

    [Fact]
    public async Task A_slow_subscriber_loses_its_oldest_events_and_the_publisher_never_waits()
    {
        using var slow = _stream.Subscribe();

        // Nobody reads while ten events go out to a buffer of four: publishing must still finish at once.
        var publishing = Task.Run(() =>
        {
            for (var i = 1; i <= 10; i++)
            {
                _stream.Publish(Scheduled(i));
            }
        });
        await publishing.WaitAsync(Patience);
        slow.Dispose();

        var received = await ReadAllAsync(slow);
        Assert.Equal([7, 8, 9, 10], received.Cast<RestartScheduled>().Select(e => e.Attempt));
        Assert.Equal(6, slow.Dropped);
    }

    [Fact]
    public async Task A_slow_subscriber_does_not_cost_another_subscriber_its_events()
    {
        using var slow = _stream.Subscribe();
        using var keen = _stream.Subscribe();
        using var cts = new CancellationTokenSource(Patience);
        await using var keenReader = keen.GetAsyncEnumerator(cts.Token);
        var keenReceived = new List<int>();

        for (var i = 1; i <= 10; i++)
        {
            _stream.Publish(Scheduled(i));
            // The keen subscriber reads each event as it comes; the slow one never reads.
            Assert.True(await keenReader.MoveNextAsync());
            keenReceived.Add(((RestartScheduled)keenReader.Current).Attempt);
        }

        Assert.Equal(Enumerable.Range(1, 10), keenReceived);
        Assert.Equal(0, keen.Dropped);
        Assert.Equal(6, slow.Dropped);
    }

    [Fact]
    public async Task A_disposed_subscription_stops_receiving()
    {
        var subscription = _stream.Subscribe();
        _stream.Publish(Scheduled(1));
        subscription.Dispose();

        _stream.Publish(Scheduled(2));

        Assert.Equal([Scheduled(1)], await ReadAllAsync(subscription));
        Assert.Equal(0, _stream.SubscriberCount);
    }

    [Fact]
    public async Task A_throwing_filter_costs_only_its_own_subscriber()
    {
        using var broken = _stream.Subscribe(_ => throw new InvalidOperationException("bad filter"));
        using var healthy = _stream.Subscribe();

        _stream.Publish(Scheduled(1));

        Assert.Equal([Scheduled(1)], await ReadAsync(healthy, 1));
    }

    [Fact]
    public async Task Disposing_the_stream_ends_every_reader()
    {
        var subscription = _stream.Subscribe();
        _stream.Publish(Scheduled(1));

        _stream.Dispose();

        Assert.Equal([Scheduled(1)], await ReadAllAsync(subscription));
    }

    [Fact]
    public async Task WatchAsync_yields_events_until_cancelled_and_then_unsubscribes()
    {
        using var cts = new CancellationTokenSource(Patience);
        var received = new List<OrchestratorEvent>();
        var watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in _stream.WatchAsync(e => e is RestartScheduled, cts.Token))
                {
                    received.Add(e);
                    await cts.CancelAsync();
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        await WaitUntilAsync(() => _stream.SubscriberCount == 1);

        _stream.Publish(new Released(Now, "catalog", "catalog-0"));
        _stream.Publish(Scheduled(1));
        await watching.WaitAsync(Patience);

        Assert.Equal([Scheduled(1)], received);
        Assert.Equal(0, _stream.SubscriberCount);
    }

    private static RestartScheduled Scheduled(int attempt) =>
        new(Now, "catalog", "catalog-0", attempt, 1, RestartAction.Immediate, TimeSpan.FromSeconds(attempt));

    private static async Task<List<OrchestratorEvent>> ReadAsync(EventSubscription subscription, int count)
    {
        using var cts = new CancellationTokenSource(Patience);
        var received = new List<OrchestratorEvent>();
        await foreach (var e in subscription.WithCancellation(cts.Token))
        {
            received.Add(e);
            if (received.Count == count)
            {
                break;
            }
        }

        return received;
    }

    private static async Task<List<OrchestratorEvent>> ReadAllAsync(EventSubscription subscription)
    {
        using var cts = new CancellationTokenSource(Patience);
        var received = new List<OrchestratorEvent>();
        await foreach (var e in subscription.WithCancellation(cts.Token))
        {
            received.Add(e);
        }

        return received;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(5, cts.Token);
        }
    }
}
