using Orchestrator.Hosting.Processes;

namespace Orchestrator.Api.Streaming;

/// <summary>
/// Forwards one replica's output lines to one client, across restarts: when the replica gets a new
/// process, the follow moves to it and first forwards what the new process printed before the move,
/// so that a restart's first lines (often the reason it will fail again) are not lost.
/// </summary>
internal sealed class ReplicaLogFollow(string resource, string replica, Action<LogMessage> forward) : IDisposable
{
    private readonly Lock _gate = new();
    private IProcessHandle? _process;
    private IDisposable? _subscription;
    private bool _disposed;

    public string Resource => resource;

    public string Replica => replica;

    /// <summary>Follows <paramref name="process"/> (the replica's current one) unless it already does.</summary>
    /// <param name="process">The replica's process, or null when it has none.</param>
    /// <param name="catchUp">True to forward what the process printed before it was followed (a restart); false to forward only new lines.</param>
    public void Follow(IProcessHandle? process, bool catchUp)
    {
        lock (_gate)
        {
            if (_disposed || ReferenceEquals(process, _process))
            {
                return;
            }

            _subscription?.Dispose();
            _subscription = null;
            _process = process;
            if (process is not null)
            {
                _subscription = catchUp ? FollowWithCatchUp(process) : process.SubscribeToLogs(Forward);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _subscription?.Dispose();
            _subscription = null;
            _process = null;
        }
    }

    private IDisposable FollowWithCatchUp(IProcessHandle process)
    {
        // Lines that arrive while the tail is read wait in `pending`; a line both in the tail and in
        // `pending` (it arrived between subscribing and reading) is the same object, so it is sent once.
        var pendingGate = new Lock();
        List<LogLine>? pending = [];
        var subscription = process.SubscribeToLogs(line =>
        {
            lock (pendingGate)
            {
                if (pending is not null)
                {
                    pending.Add(line);
                    return;
                }
            }

            Forward(line);
        });
        var tail = process.GetLogTail(int.MaxValue);
        lock (pendingGate)
        {
            var sent = new HashSet<LogLine>(tail, ReferenceEqualityComparer.Instance);
            foreach (var line in tail.Concat(pending.Where(l => !sent.Contains(l))))
            {
                Forward(line);
            }

            pending = null;
        }

        return subscription;
    }

    private void Forward(LogLine line) =>
        forward(new LogMessage(resource, replica, line.Timestamp, line.IsError ? "stderr" : "stdout", line.Text));
}
