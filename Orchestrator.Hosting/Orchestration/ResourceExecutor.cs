using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.EnvironmentVariables;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Orchestration;

/// <summary>
/// Runs resources' replicas through their drivers and the process runner, and publishes each
/// replica's snapshots: Starting, Running (with health), Exited or Finished.
/// </summary>
public sealed class ResourceExecutor(
    ResourceRuntimeContext runtime,
    IProcessRunner runner,
    ResourceDriverRegistry drivers,
    ResourceNotificationService notifications,
    TimeProvider timeProvider,
    ILogger<ResourceExecutor> logger,
    ResourceExecutorOptions? options = null) : IResourceExecutor, IAsyncDisposable
{
    /// <summary>The <see cref="ResourceSnapshot.StateReason"/> of a replica that exited because a stop was asked for, not because it failed.</summary>
    public const string StoppedReason = "stopped";

    private readonly ResourceExecutorOptions _options = options ?? new ResourceExecutorOptions();
    private readonly ConcurrentDictionary<string, ReplicaRun> _replicas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task>> _prepared = new(StringComparer.Ordinal);

    /// <summary>The process of a replica while one runs (or the last one that ran).</summary>
    public IProcessHandle? GetProcess(string replicaName) => _replicas.GetValueOrDefault(replicaName)?.Process;

    /// <summary>
    /// Prepares, before the launch, what drivers can prepare together (every project in one build), so
    /// that no start timeout pays for it.
    /// </summary>
    public async Task PrepareAllAsync(IEnumerable<IResource> resources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var batches = resources
            .Select(resource => (Resource: resource, Driver: drivers.GetDriver(resource)))
            .Where(entry => entry.Driver is IBatchPreparingDriver)
            .GroupBy(entry => entry.Driver);
        foreach (var batch in batches)
        {
            await ((IBatchPreparingDriver)batch.Key)
                .PrepareAllAsync(batch.Select(entry => entry.Resource).ToList(), runtime, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task StartAsync(IResource resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var driver = GetDriver(resource);
        var replicas = Enumerable.Range(0, resource.GetReplicaCount()).Select(i => new ReplicaContext(resource, i, runtime)).ToList();
        foreach (var replica in replicas)
        {
            PublishState(replica, KnownResourceState.Starting, reason: null);
        }

        try
        {
            // Preparation (a build, an initdb) runs once per resource, however many replicas or restarts follow.
            await _prepared.GetOrAdd(resource.Name, _ => new Lazy<Task>(() => driver.PrepareAsync(resource, runtime, CancellationToken.None)))
                .Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _prepared.TryRemove(resource.Name, out _);
            foreach (var replica in replicas)
            {
                PublishState(replica, KnownResourceState.FailedToStart, ex.Message);
            }

            throw new ResourceStartException(resource.Name, ex.Message, [], ex);
        }

        if (resource is IResourceWithParent)
        {
            // No process of its own: it is ready once its parent's work for it is done (a database created).
            await driver.OnHealthyAsync(resource, runtime, cancellationToken).ConfigureAwait(false);
        }

        await Task.WhenAll(replicas.Select(r => StartReplicaAsync(driver, r, cancellationToken))).ConfigureAwait(false);

        if (resource is not IResourceWithParent)
        {
            await driver.OnHealthyAsync(resource, runtime, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts (or restarts) one replica and waits until it is ready.</summary>
    public Task StartReplicaAsync(IResource resource, int index, CancellationToken cancellationToken) =>
        StartReplicaAsync(GetDriver(resource), new ReplicaContext(resource, index, runtime), cancellationToken);

    /// <inheritdoc />
    public async Task<int> WaitForCompletionAsync(IResource resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var exits = new List<ProcessExit>();
        for (var i = 0; i < resource.GetReplicaCount(); i++)
        {
            var run = _replicas.GetValueOrDefault(resource.GetReplicaName(i))
                ?? throw new InvalidOperationException($"Resource '{resource.Name}' was never started, so it cannot complete.");
            if (run.Process is { } process)
            {
                exits.Add(await process.Exited.WaitAsync(cancellationToken).ConfigureAwait(false));
            }
        }

        return exits.Select(e => e.ExitCode).FirstOrDefault(code => code != 0);
    }

    /// <inheritdoc />
    public async Task StopAsync(IResource resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        await Task.WhenAll(Enumerable.Range(0, resource.GetReplicaCount())
            .Select(i => StopReplicaAsync(resource, i, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Stops one replica gracefully, then forcefully.</summary>
    public async Task StopReplicaAsync(IResource resource, int index, CancellationToken cancellationToken)
    {
        var replica = new ReplicaContext(resource, index, runtime);
        if (!_replicas.TryGetValue(replica.ReplicaName, out var run))
        {
            return;
        }

        run.StopRequested = true;
        if (run.Process is not { } process)
        {
            PublishState(replica, KnownResourceState.Exited, StoppedReason);
            return;
        }

        if (!process.Exited.IsCompleted)
        {
            notifications.PublishUpdate(replica.ReplicaName, s => s with { State = KnownResourceState.Stopping, StateReason = null });
        }

        await process.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops one replica with a grace period of its own: SIGTERM to its process group, SIGKILL once
    /// <paramref name="gracePeriod"/> has passed (at once when it is zero, for a hung replica);
    /// completes once the process has exited. The exit is published as stopped, not as a failure.
    /// </summary>
    public async Task StopReplicaAsync(IResource resource, int index, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var replica = new ReplicaContext(resource, index, runtime);
        if (!_replicas.TryGetValue(replica.ReplicaName, out var run))
        {
            return;
        }

        run.StopRequested = true;
        if (run.Process is not { } process)
        {
            PublishState(replica, KnownResourceState.Exited, StoppedReason);
            return;
        }

        if (process.Exited.IsCompleted)
        {
            return;
        }

        notifications.PublishUpdate(replica.ReplicaName, s => s with { State = KnownResourceState.Stopping, StateReason = null });
        if (gracePeriod > TimeSpan.Zero)
        {
            process.Signal(ProcessSignal.Terminate);
            try
            {
                await process.Exited.WaitAsync(gracePeriod, timeProvider, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TimeoutException)
            {
                logger.LogWarning("{Replica} did not stop within {GracePeriod} of SIGTERM; killing it", replica.ReplicaName, gracePeriod);
            }
        }

        process.Signal(ProcessSignal.Kill);
        await process.Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> GetLogTail(IResource resource, int lines)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var multiple = resource.GetReplicaCount() > 1;
        return Enumerable.Range(0, resource.GetReplicaCount())
            .Select(i => (Name: resource.GetReplicaName(i), Run: _replicas.GetValueOrDefault(resource.GetReplicaName(i))))
            .Where(r => r.Run?.Process is not null)
            .SelectMany(r => r.Run!.Process!.GetLogTail(lines).Select(l => (l.Timestamp, Text: multiple ? $"[{r.Name}] {l.Text}" : l.Text)))
            .OrderBy(l => l.Timestamp)
            .TakeLast(lines)
            .Select(l => l.Text)
            .ToList();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var run in _replicas.Values)
        {
            if (run.Process is { } process)
            {
                await process.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task StartReplicaAsync(IResourceDriver driver, ReplicaContext replica, CancellationToken cancellationToken)
    {
        var run = _replicas.AddOrUpdate(replica.ReplicaName, _ => new ReplicaRun(), (_, previous) => previous.Next());
        var probe = driver.CreateHealthProbe(replica);
        var spec = driver.CreateProcessSpec(replica);
        if (spec is not null)
        {
            var environment = new Dictionary<string, string>(ReplicaEnvironment.Build(replica.Resource, replica.Index, runtime), StringComparer.Ordinal);
            foreach (var (name, value) in spec.Environment)
            {
                environment[name] = value;
            }

            try
            {
                run.Process = await runner.StartAsync(spec with { Environment = environment }, cancellationToken).ConfigureAwait(false);
            }
            catch (ProcessStartException ex)
            {
                PublishState(replica, KnownResourceState.FailedToStart, ex.Message);
                throw new ResourceStartException(replica.Resource.Name, ex.Message, [], ex);
            }

            var process = run.Process;
            notifications.PublishUpdate(replica.ReplicaName, s => s with
            {
                State = KnownResourceState.Starting,
                ProcessId = process.ProgramProcessId,
                StartedAt = process.StartedAt,
                ExitCode = null,
                Health = null,
                RestartCount = run.Generation,
            });
            _ = ObserveExitAsync(replica, run, process);
        }

        if (probe is not null)
        {
            await WaitUntilHealthyAsync(replica, run, probe, cancellationToken).ConfigureAwait(false);
        }

        if (run.Process is { Exited.IsCompleted: true })
        {
            return; // A one-shot process that already finished: its exit observer published the final state.
        }

        notifications.PublishUpdate(replica.ReplicaName, s => s with
        {
            State = KnownResourceState.Running,
            StateReason = null,
            Health = probe is null ? s.Health : HealthStatus.Healthy,
        });
    }

    private async Task WaitUntilHealthyAsync(ReplicaContext replica, ReplicaRun run, IHealthProbe probe, CancellationToken cancellationToken)
    {
        var delay = _options.FirstProbeDelay;
        HealthProbeResult? last = null;
        while (true)
        {
            if (run.Process is { Exited.IsCompleted: true } exited)
            {
                var exit = await exited.Exited.ConfigureAwait(false);
                var tail = GetTail(run);
                throw new ResourceStartException(replica.Resource.Name,
                    $"replica '{replica.ReplicaName}' exited with code {exit.ExitCode} before it was healthy", tail);
            }

            try
            {
                last = await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                var detail = last?.Error is { } error ? $" (last check: {error})" : string.Empty;
                logger.LogWarning("{Replica} was not healthy in time{Detail}", replica.ReplicaName, detail);
                throw;
            }

            if (last.IsHealthy)
            {
                return;
            }

            var pause = Task.Delay(delay, timeProvider, cancellationToken);
            if (run.Process is { } process)
            {
                // Wake early when the process dies: a crash during start is reported at once, not after the next probe.
                await Task.WhenAny(pause, process.Exited).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
            else
            {
                await pause.ConfigureAwait(false);
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxProbeDelay.Ticks));
        }
    }

    private async Task ObserveExitAsync(ReplicaContext replica, ReplicaRun run, IProcessHandle process)
    {
        var exit = await process.Exited.ConfigureAwait(false);
        if (!ReferenceEquals(run.Process, process) || _replicas.GetValueOrDefault(replica.ReplicaName) != run)
        {
            return; // A newer run of the replica owns its state now.
        }

        var state = exit.ExitCode == 0 && !exit.StopRequested ? KnownResourceState.Finished : KnownResourceState.Exited;
        var reason = run.StopRequested || exit.StopRequested ? StoppedReason : $"exited with code {exit.ExitCode}";
        if (!run.StopRequested)
        {
            logger.LogWarning("{Replica} (pid {Pid}) exited with code {ExitCode}", replica.ReplicaName, process.ProcessId, exit.ExitCode);
        }

        notifications.PublishUpdate(replica.ReplicaName, s => s with
        {
            State = state,
            StateReason = reason,
            ExitCode = exit.ExitCode,
            StoppedAt = exit.ExitedAt,
            ProcessId = null,
            Health = null,
        });
    }

    private IReadOnlyList<string> GetTail(ReplicaRun run) =>
        run.Process?.GetLogTail(_options.FailureLogTailLines).Select(l => l.Text).ToList() ?? [];

    private void PublishState(ReplicaContext replica, KnownResourceState state, string? reason)
    {
        var urls = replica.Endpoints.Select(e => e.Url).ToImmutableArray();
        if (notifications.GetSnapshot(replica.ReplicaName) is null)
        {
            notifications.Publish(new ResourceSnapshot(replica.Resource.Name, replica.ReplicaName, replica.Index, replica.Resource.GetResourceType())
            {
                State = state,
                StateReason = reason,
                Urls = urls,
            });
            return;
        }

        notifications.PublishUpdate(replica.ReplicaName, s => s with { State = state, StateReason = reason, Urls = urls });
    }

    private IResourceDriver GetDriver(IResource resource) => drivers.GetDriver(resource);

    /// <summary>One run of one replica: its process and whether a stop was asked for.</summary>
    private sealed class ReplicaRun
    {
        public int Generation { get; private init; }

        public IProcessHandle? Process { get; set; }

        public volatile bool StopRequested;

        public ReplicaRun Next() => new() { Generation = Generation + 1 };
    }
}
