using Orchestrator.Api.Events;

namespace Orchestrator.Api.Tests.Healing;

/// <summary>Every event published on a stream since the log was made, and a way to wait for one.</summary>
internal sealed class EventLog : IDisposable
{
    private readonly EventSubscription _subscription;
    private readonly Lock _gate = new();
    private readonly List<OrchestratorEvent> _events = [];
    private readonly ConditionWaiter _changes = new();

    public EventLog(EventStream stream)
    {
        _subscription = stream.Subscribe();
        _ = Task.Run(ReadAsync);
    }

    public IReadOnlyList<OrchestratorEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToList();
            }
        }
    }

    public IReadOnlyList<T> OfType<T>(string? replica = null) where T : OrchestratorEvent =>
        Events.OfType<T>().Where(e => replica is null || e.Replica == replica).ToList();

    /// <summary>Waits for the <paramref name="count"/>th event of type <typeparamref name="T"/> that matches, and returns it.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? predicate = null, int count = 1) where T : OrchestratorEvent
    {
        IReadOnlyList<T> Matches() => Events.OfType<T>().Where(e => predicate?.Invoke(e) ?? true).ToList();
        await _changes.UntilAsync(() => Matches().Count >= count,
            () => $"{count} x {typeof(T).Name}; events: [{string.Join(", ", Events.Select(e => $"{e.GetType().Name}({e.Replica ?? e.Resource})"))}]");
        return Matches()[count - 1];
    }

    public void Dispose() => _subscription.Dispose();

    private async Task ReadAsync()
    {
        await foreach (var orchestratorEvent in _subscription)
        {
            lock (_gate)
            {
                _events.Add(orchestratorEvent);
            }

            _changes.Notify();
        }
    }
}
