using Orchestrator.Api.Events;

namespace Orchestrator.Api.Http;

/// <summary>
/// Counts the events published on the orchestrator's stream: a subscription whose filter counts each event and
/// keeps none, so it costs nothing and can never fall behind.
/// </summary>
internal sealed class EventCounter : IDisposable
{
    private readonly EventSubscription _subscription;
    private long _published;

    public EventCounter(EventStream events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _subscription = events.Subscribe(_ =>
        {
            Interlocked.Increment(ref _published);
            return false;
        });
    }

    public long Published => Interlocked.Read(ref _published);

    public void Dispose() => _subscription.Dispose();
}
