using System.Collections.Immutable;

namespace Orchestrator.Api.Monitoring;

/// <summary>The latest checks of one replica, oldest first, at most <c>capacity</c> of them; kept across restarts.</summary>
internal sealed class HealthCheckHistory(int capacity)
{
    private readonly Queue<HealthCheckRecord> _records = new(capacity);
    private readonly Lock _gate = new();

    public void Add(HealthCheckRecord record)
    {
        lock (_gate)
        {
            if (_records.Count == capacity)
            {
                _records.Dequeue();
            }

            _records.Enqueue(record);
        }
    }

    public ImmutableArray<HealthCheckRecord> ToImmutableArray()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }
}
