using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Api.Events;

/// <summary>
/// The orchestrator's one in-process stream of <see cref="OrchestratorEvent"/>s: publishers write,
/// every subscriber gets its own bounded buffer. A slow subscriber loses its oldest events rather
/// than slowing a publisher down; each subscriber sees events in publish order.
/// </summary>
public sealed class EventStream : IDisposable
{
    private readonly EventStreamOptions _options;
    private readonly ILogger<EventStream> _logger;
    private readonly object _gate = new();
    private ImmutableArray<EventSubscription> _subscriptions = [];
    private bool _completed;

    /// <summary>Creates the stream.</summary>
    public EventStream(EventStreamOptions options, ILogger<EventStream> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SubscriberCapacity, 1);
        _options = options;
        _logger = logger;
    }

    /// <summary>How many subscribers there are now.</summary>
    public int SubscriberCount => _subscriptions.Length;

    /// <summary>Hands <paramref name="orchestratorEvent"/> to every subscriber whose filter takes it. Never blocks on a subscriber.</summary>
    public void Publish(OrchestratorEvent orchestratorEvent)
    {
        ArgumentNullException.ThrowIfNull(orchestratorEvent);
        // One lock keeps the order the same for every subscriber; delivering is a TryWrite, so it is short.
        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                try
                {
                    subscription.Deliver(orchestratorEvent);
                }
                catch (Exception ex)
                {
                    // A subscriber's broken filter is its own problem, not the publisher's or the other subscribers'.
                    _logger.LogWarning(ex, "An event subscriber's filter threw on {EventType}; the subscriber misses it", orchestratorEvent.GetType().Name);
                }
            }
        }
    }

    /// <summary>
    /// Subscribes now: every event published from this call on that <paramref name="filter"/> takes
    /// (all of them without one). Dispose the subscription to stop.
    /// <code>using var restarts = events.Subscribe(e =&gt; e is RestartScheduled);</code>
    /// </summary>
    public EventSubscription Subscribe(Func<OrchestratorEvent, bool>? filter = null)
    {
        var subscription = new EventSubscription(this, filter, _options.SubscriberCapacity);
        lock (_gate)
        {
            if (_completed)
            {
                subscription.Complete();
            }
            else
            {
                _subscriptions = _subscriptions.Add(subscription);
            }
        }

        return subscription;
    }

    /// <summary>
    /// The events that <paramref name="filter"/> takes, from the moment enumeration starts until
    /// <paramref name="cancellationToken"/> is cancelled. Use <see cref="Subscribe"/> when no event may
    /// fall between subscribing and reading.
    /// </summary>
    public async IAsyncEnumerable<OrchestratorEvent> WatchAsync(
        Func<OrchestratorEvent, bool>? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var subscription = Subscribe(filter);
        await foreach (var orchestratorEvent in subscription.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return orchestratorEvent;
        }
    }

    /// <summary>Ends the stream: every subscriber's reader ends after its buffered events; later subscribers get nothing.</summary>
    public void Dispose()
    {
        ImmutableArray<EventSubscription> subscriptions;
        lock (_gate)
        {
            _completed = true;
            subscriptions = _subscriptions;
            _subscriptions = [];
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Complete();
        }
    }

    internal void Remove(EventSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Remove(subscription);
        }
    }
}
