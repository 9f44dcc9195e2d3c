using System.Globalization;
using Orchestrator.Api.Healing;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Tests.Healing;

/// <summary>
/// A mechanism that runs nothing but publishes the snapshots the real executor would (a run's restart
/// count, Running and healthy, Exited with "exited with code N" or "stopped"), records what it was
/// asked to do, and lets a test script each start's outcome and crash replicas.
/// </summary>
internal sealed class FakeReplicaControl(ResourceNotificationService notifications, TimeProvider clock) : IReplicaControl
{
    private readonly Lock _gate = new();
    private readonly List<string> _operations = [];
    private readonly Dictionary<string, Queue<StartOutcome>> _outcomes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _logs = new(StringComparer.Ordinal);
    private readonly ConditionWaiter _changes = new();
    private int _nextProcessId = 1000;

    /// <summary>
    /// What was asked, in order: <c>start:x-0</c>, <c>kill:x-0</c>, <c>stop:x-0 (7s)</c> for one replica,
    /// <c>start:db</c>, <c>stop:db</c> for a whole resource.
    /// </summary>
    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (_gate)
            {
                return _operations.ToList();
            }
        }
    }

    /// <summary>Awaited during each replica start, after its process is published as started and before it is healthy.</summary>
    public Func<string, Task>? DuringStart { get; set; }

    public int Count(string operation) => Operations.Count(o => o == operation);

    public Task WaitForAsync(string operation, int times = 1) =>
        _changes.UntilAsync(() => Count(operation) >= times, () => $"'{operation}' x{times}; operations: [{string.Join(", ", Operations)}]");

    /// <summary>The next starts of <paramref name="replica"/> end like this, in order; later ones are healthy.</summary>
    public void ScriptStarts(string replica, params StartOutcome[] outcomes)
    {
        lock (_gate)
        {
            if (!_outcomes.TryGetValue(replica, out var queue))
            {
                _outcomes[replica] = queue = new Queue<StartOutcome>();
            }

            foreach (var outcome in outcomes)
            {
                queue.Enqueue(outcome);
            }
        }
    }

    public void SetLogTail(string resource, params string[] lines)
    {
        lock (_gate)
        {
            _logs[resource] = lines;
        }
    }

    /// <summary>Publishes every replica of <paramref name="model"/> as running and healthy, as a successful launch leaves them.</summary>
    public void Launch(DistributedApplicationModel model)
    {
        foreach (var resource in model.Resources)
        {
            for (var i = 0; i < resource.GetReplicaCount(); i++)
            {
                notifications.Publish(new ResourceSnapshot(resource.Name, resource.GetReplicaName(i), i, resource.GetResourceType())
                {
                    State = KnownResourceState.Running,
                    Health = HealthStatus.Healthy,
                    ProcessId = NextProcessId(),
                    StartedAt = clock.GetUtcNow(),
                });
            }
        }
    }

    /// <summary>The replica's process exits on its own with <paramref name="exitCode"/>.</summary>
    public void Crash(string replica, int exitCode) =>
        notifications.PublishUpdate(replica, s => s with
        {
            State = exitCode == 0 ? KnownResourceState.Finished : KnownResourceState.Exited,
            StateReason = $"exited with code {exitCode}",
            ExitCode = exitCode,
            StoppedAt = clock.GetUtcNow(),
            ProcessId = null,
            Health = null,
        });

    public async Task StartReplicaAsync(IResource resource, int index, CancellationToken cancellationToken)
    {
        var name = resource.GetReplicaName(index);
        var outcome = Record("start:" + name, () => _outcomes.TryGetValue(name, out var queue) && queue.TryDequeue(out var next) ? next : StartOutcome.Healthy);
        notifications.PublishUpdate(name, s => s with
        {
            State = KnownResourceState.Starting,
            StateReason = null,
            ProcessId = NextProcessId(),
            StartedAt = clock.GetUtcNow(),
            ExitCode = null,
            Health = null,
            RestartCount = s.RestartCount + 1,
        });
        if (DuringStart is { } duringStart)
        {
            await duringStart(name);
        }

        switch (outcome)
        {
            case StartOutcome.ExitsOutcome exits:
                Crash(name, exits.ExitCode);
                throw new ResourceStartException(resource.Name, $"replica '{name}' exited with code {exits.ExitCode} before it was healthy", []);
            case StartOutcome.HangsOutcome:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
            default:
                notifications.PublishUpdate(name, s => s with { State = KnownResourceState.Running, Health = HealthStatus.Healthy });
                break;
        }
    }

    public Task StopReplicaAsync(IResource resource, int index, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        var name = resource.GetReplicaName(index);
        Record(gracePeriod == TimeSpan.Zero ? "kill:" + name : $"stop:{name} ({gracePeriod.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s)", () => 0);
        PublishStopped(name);
        return Task.CompletedTask;
    }

    public Task StartAsync(IResource resource, CancellationToken cancellationToken)
    {
        Record("start:" + resource.Name, () => 0);
        for (var i = 0; i < resource.GetReplicaCount(); i++)
        {
            notifications.PublishUpdate(resource.GetReplicaName(i), s => s with
            {
                State = KnownResourceState.Running,
                StateReason = null,
                Health = HealthStatus.Healthy,
                ProcessId = NextProcessId(),
                StartedAt = clock.GetUtcNow(),
                RestartCount = s.RestartCount + 1,
            });
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(IResource resource, CancellationToken cancellationToken)
    {
        Record("stop:" + resource.Name, () => 0);
        for (var i = 0; i < resource.GetReplicaCount(); i++)
        {
            PublishStopped(resource.GetReplicaName(i));
        }

        return Task.CompletedTask;
    }

    public Task<int> WaitForCompletionAsync(IResource resource, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The healer never waits for a completion.");

    public IReadOnlyList<string> GetLogTail(IResource resource, int lines)
    {
        lock (_gate)
        {
            return _logs.TryGetValue(resource.Name, out var log) ? log.TakeLast(lines).ToList() : [];
        }
    }

    private void PublishStopped(string replica)
    {
        if (notifications.GetSnapshot(replica) is { IsActive: true })
        {
            notifications.PublishUpdate(replica, s => s with
            {
                State = KnownResourceState.Exited,
                StateReason = ResourceExecutor.StoppedReason,
                ExitCode = 143,
                StoppedAt = clock.GetUtcNow(),
                ProcessId = null,
                Health = null,
            });
        }
    }

    private T Record<T>(string operation, Func<T> underLock)
    {
        T result;
        lock (_gate)
        {
            _operations.Add(operation);
            result = underLock();
        }

        _changes.Notify();
        return result;
    }

    private int NextProcessId() => Interlocked.Increment(ref _nextProcessId);
}
