using System.Collections.Immutable;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Api.Tests.Streaming;

/// <summary>A process that prints what a test says, into its tail and to its log subscribers, as the real capture does.</summary>
internal sealed class FakeProcessHandle(int processId) : IProcessHandle
{
    private readonly Lock _gate = new();
    private readonly List<LogLine> _lines = [];
    private ImmutableArray<Action<LogLine>> _subscribers = [];

    /// <summary>Runs between a subscription and the tail read, as a line printed in that moment would.</summary>
    public Action? OnSubscribed { get; set; }

    public int SubscriberCount => _subscribers.Length;

    public ProcessSpec Spec => throw new NotSupportedException();

    public int ProcessId => processId;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UnixEpoch;

    public Task<ProcessExit> Exited => new TaskCompletionSource<ProcessExit>().Task;

    public void Print(string text)
    {
        lock (_gate)
        {
            var line = new LogLine(DateTimeOffset.UnixEpoch, false, text);
            _lines.Add(line);
            foreach (var subscriber in _subscribers)
            {
                subscriber(line);
            }
        }
    }

    public IReadOnlyList<LogLine> GetLogTail(int count)
    {
        lock (_gate)
        {
            return _lines.TakeLast(count).ToList();
        }
    }

    public IDisposable SubscribeToLogs(Action<LogLine> onLine)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Add(onLine);
        }

        OnSubscribed?.Invoke();
        return new Unsubscriber(() =>
        {
            lock (_gate)
            {
                _subscribers = _subscribers.Remove(onLine);
            }
        });
    }

    public Task<ProcessExit> StopAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public void Signal(ProcessSignal signal) => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
