using System.Threading.Channels;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Tests.Launch;

/// <summary>
/// An executor that starts nothing: it records what the launcher asks of it and in what order, and lets
/// a test decide when (and how) each start and each run-to-completion ends.
/// </summary>
internal sealed class FakeResourceExecutor : IResourceExecutor
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource> _starts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource<int>> _completions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _startFailures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _logs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stopFailures = new(StringComparer.Ordinal);
    private readonly List<string> _timeline = [];
    private readonly List<string> _stopOrder = [];
    private readonly List<string> _cancelledStarts = [];
    private readonly Channel<string> _startCalls = Channel.CreateUnbounded<string>();
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>When true, every start waits until the test completes or fails it.</summary>
    public bool HoldAll { get; set; }

    /// <summary>"start:x" when a start was asked for, "up:x" when it succeeded, in order.</summary>
    public IReadOnlyList<string> Timeline => Locked(() => _timeline.ToList());

    public IReadOnlyList<string> StartOrder => Locked(() => _timeline.Where(e => e.StartsWith("start:", StringComparison.Ordinal)).Select(e => e[6..]).ToList());

    public IReadOnlyList<string> StopOrder => Locked(() => _stopOrder.ToList());

    public IReadOnlyList<string> CancelledStarts => Locked(() => _cancelledStarts.ToList());

    public int InFlight => Locked(() => _inFlight);

    public int MaxInFlight => Locked(() => _maxInFlight);

    /// <summary>The start of <paramref name="name"/> waits until the test completes or fails it.</summary>
    public void Hold(string name) => Locked(() => _held.Add(name));

    /// <summary>The start of <paramref name="name"/> fails at once with <paramref name="reason"/>.</summary>
    public void FailStartOf(string name, string reason) => Locked(() => _startFailures[name] = reason);

    public void SetLogTail(string name, params string[] lines) => Locked(() => _logs[name] = lines);

    public void FailStopOf(string name) => Locked(() => _stopFailures.Add(name));

    /// <summary>Ends a held start successfully.</summary>
    public void Complete(string name) => Locked(() => _starts[name]).SetResult();

    /// <summary>Ends a held start with a <see cref="ResourceStartException"/>.</summary>
    public void Fail(string name, string reason) =>
        Locked(() => _starts[name]).SetException(new ResourceStartException(name, reason, []));

    /// <summary>Makes <paramref name="name"/> run to completion with <paramref name="exitCode"/>.</summary>
    public void Exit(string name, int exitCode) => CompletionOf(name).TrySetResult(exitCode);

    /// <summary>The name of the next resource whose start is asked for (waits for it, bounded by a safety timeout).</summary>
    public async Task<string> NextStartAsync() =>
        await _startCalls.Reader.ReadAsync().AsTask().WaitAsync(SafetyTimeout);

    public async Task StartAsync(IResource resource, CancellationToken cancellationToken)
    {
        var name = resource.Name;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _timeline.Add("start:" + name);
            _starts[name] = start;
            _maxInFlight = Math.Max(_maxInFlight, ++_inFlight);
            if (_startFailures.TryGetValue(name, out var reason))
            {
                start.SetException(new ResourceStartException(name, reason, []));
            }
            else if (!HoldAll && !_held.Contains(name))
            {
                start.SetResult();
            }
        }

        _startCalls.Writer.TryWrite(name);
        await using var registration = cancellationToken.Register(() =>
        {
            if (start.TrySetCanceled(cancellationToken))
            {
                Locked(() => _cancelledStarts.Add(name));
            }
        });
        try
        {
            await start.Task;
            Locked(() => _timeline.Add("up:" + name));
        }
        finally
        {
            Locked(() => _inFlight--);
        }
    }

    public Task<int> WaitForCompletionAsync(IResource resource, CancellationToken cancellationToken) =>
        CompletionOf(resource.Name).Task.WaitAsync(cancellationToken);

    public Task StopAsync(IResource resource, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _stopOrder.Add(resource.Name);
            return _stopFailures.Contains(resource.Name)
                ? Task.FromException(new InvalidOperationException($"'{resource.Name}' refused to stop"))
                : Task.CompletedTask;
        }
    }

    public IReadOnlyList<string> GetLogTail(IResource resource, int lines) =>
        Locked(() => _logs.TryGetValue(resource.Name, out var log) ? log.TakeLast(lines).ToList() : []);

    private TaskCompletionSource<int> CompletionOf(string name) => Locked(() =>
        _completions.TryGetValue(name, out var completion)
            ? completion
            : _completions[name] = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Locked(Action change)
    {
        lock (_gate)
        {
            change();
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
