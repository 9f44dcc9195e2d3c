using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Launch;

/// <summary>
/// One launch of one plan: the state that lives as long as the launch (outcomes, slots, failures), so that
/// <see cref="PhasedLauncher"/> keeps only what outlives it.
/// </summary>
internal sealed class LaunchRun : IDisposable
{
    private readonly LaunchPlan _plan;
    private readonly IResourceExecutor _executor;
    private readonly LaunchStatePublisher _states;
    private readonly LaunchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Cancelled by the caller's token, or by the first required failure so that nothing else starts.
    private readonly CancellationTokenSource _stop;
    private readonly SemaphoreSlim _slots;
    private readonly Dictionary<string, TaskCompletionSource<ResourceLaunchOutcome>> _outcomes;
    private readonly ConcurrentDictionary<string, string> _blocked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _degraded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> _durations = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PlannedResource> _attempted = new();
    private LaunchFailedException? _failure;

    public LaunchRun(LaunchPlan plan, IResourceExecutor executor, LaunchStatePublisher states, LaunchOptions options,
        TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        _plan = plan;
        _executor = executor;
        _states = states;
        _options = options;
        _time = time;
        _logger = logger;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrency));
        _outcomes = plan.Resources.ToDictionary(
            r => r.Name, _ => new TaskCompletionSource<ResourceLaunchOutcome>(TaskCreationOptions.RunContinuationsAsynchronously), StringComparer.Ordinal);
    }

    /// <summary>Every resource handed to the executor so far (started, failed or cancelled), in the order they were.</summary>
    public IReadOnlyCollection<PlannedResource> Attempted => _attempted;

    public async Task<LaunchResult> RunAsync()
    {
        var launchStarted = _time.GetTimestamp();
        PublishInitialStates();
        foreach (var phase in _plan.Phases)
        {
            var resources = phase.Resources.Where(r => r.IsAutoStarted).ToList();
            if (_stop.IsCancellationRequested)
            {
                break;
            }

            if (resources.Count == 0)
            {
                continue;
            }

            _logger.LogInformation("Phase {Phase}: starting {Resources}", phase.Number, resources.Select(r => r.Name));
            if (phase.IsSerial)
            {
                foreach (var resource in resources)
                {
                    await LaunchOneAsync(resource, throttled: false).ConfigureAwait(false);
                }
            }
            else
            {
                await Task.WhenAll(resources.Select(r => LaunchOneAsync(r, throttled: true))).ConfigureAwait(false);
            }
        }

        if (_failure is not null)
        {
            PublishNeverAttempted($"the launch stopped because '{_failure.ResourceName}' failed");
            throw _failure;
        }

        _stop.Token.ThrowIfCancellationRequested();
        return BuildResult(_time.GetElapsedTime(launchStarted));
    }

    // Never throws: every ending becomes an outcome that the resource's dependents read.
    private async Task LaunchOneAsync(PlannedResource resource, bool throttled)
    {
        var outcome = ResourceLaunchOutcome.Cancelled;
        try
        {
            outcome = await LaunchOneCoreAsync(resource, throttled).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            _outcomes[resource.Name].TrySetResult(outcome);
        }
    }

    private async Task<ResourceLaunchOutcome> LaunchOneCoreAsync(PlannedResource resource, bool throttled)
    {
        foreach (var dependency in resource.Dependencies)
        {
            await _outcomes[dependency.Name].Task.WaitAsync(_stop.Token).ConfigureAwait(false);
        }

        // An optional dependency that failed has already marked everything downstream of it.
        if (_blocked.TryGetValue(resource.Name, out var blockedReason))
        {
            _logger.LogWarning("{Resource} is blocked: {Reason}", resource.Name, blockedReason);
            return ResourceLaunchOutcome.Blocked;
        }

        if (resource.Dependencies.Any(d => _outcomes[d.Name].Task.Result != ResourceLaunchOutcome.Started))
        {
            return ResourceLaunchOutcome.Cancelled;
        }

        var completionFailure = await WaitForCompletionsAsync(resource).ConfigureAwait(false);
        if (completionFailure is not null)
        {
            return completionFailure.Value;
        }

        if (throttled)
        {
            await _slots.WaitAsync(_stop.Token).ConfigureAwait(false);
        }

        try
        {
            return await StartAsync(resource).ConfigureAwait(false);
        }
        finally
        {
            if (throttled)
            {
                _slots.Release();
            }
        }
    }

    // The start timeout bounds each wait for a dependency to run to completion, so a job that never ends cannot hang the launch.
    private async Task<ResourceLaunchOutcome?> WaitForCompletionsAsync(PlannedResource resource)
    {
        foreach (var dependency in resource.Dependencies.Where(d => d.WaitsForCompletion))
        {
            _states.Publish(resource.Resource, KnownResourceState.Waiting, $"waiting for '{dependency.Name}' to complete");
            var target = _plan.Find(dependency.Name)!.Resource;
            using var timeout = new CancellationTokenSource(resource.StartTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, timeout.Token);
            int exitCode;
            try
            {
                exitCode = await _executor.WaitForCompletionAsync(target, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_stop.IsCancellationRequested)
            {
                return await FailAsync(resource, $"'{dependency.Name}' did not complete within {resource.StartTimeout}",
                    dependency.Name, startException: null).ConfigureAwait(false);
            }
            catch (Exception ex) when (!_stop.IsCancellationRequested)
            {
                return await FailAsync(resource, $"waiting for '{dependency.Name}' to complete failed: {ex.Message}",
                    dependency.Name, ex).ConfigureAwait(false);
            }

            if (exitCode != dependency.ExpectedExitCode)
            {
                return await FailAsync(resource, $"'{dependency.Name}' exited with code {exitCode}, but '{resource.Name}' waits for exit code {dependency.ExpectedExitCode}",
                    dependency.Name, startException: null).ConfigureAwait(false);
            }
        }

        return null;
    }

    private async Task<ResourceLaunchOutcome> StartAsync(PlannedResource resource)
    {
        using var timeout = new CancellationTokenSource(resource.StartTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, timeout.Token);
        // Checked here as well as at each wait: in the serial phase nothing else stops the next start after a failure.
        _stop.Token.ThrowIfCancellationRequested();
        var started = _time.GetTimestamp();
        _attempted.Enqueue(resource);
        try
        {
            await _executor.StartAsync(resource.Resource, linked.Token).ConfigureAwait(false);
            _durations[resource.Name] = _time.GetElapsedTime(started);
            _logger.LogInformation("{Resource} is up in {Duration}", resource.Name, _durations[resource.Name]);
            return ResourceLaunchOutcome.Started;
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && !_stop.IsCancellationRequested)
        {
            _durations[resource.Name] = _time.GetElapsedTime(started);
            return await FailAsync(resource, $"it did not become healthy within {resource.StartTimeout}", resource.Name, ex).ConfigureAwait(false);
        }
        catch (Exception ex) when (!_stop.IsCancellationRequested)
        {
            _durations[resource.Name] = _time.GetElapsedTime(started);
            var reason = ex is ResourceStartException start ? start.Reason : ex.Message;
            return await FailAsync(resource, reason, resource.Name, ex).ConfigureAwait(false);
        }
    }

    private async Task<ResourceLaunchOutcome> FailAsync(PlannedResource resource, string reason, string logTailSource, Exception? startException)
    {
        var logTail = ReadLogTail(logTailSource, startException);
        if (!resource.IsOptional)
        {
            _logger.LogError("{Resource} failed to start: {Reason}", resource.Name, reason);
            _states.Publish(resource.Resource, KnownResourceState.FailedToStart, reason);
            // The first required failure is the cause; failures after it are cancellations it caused.
            if (Interlocked.CompareExchange(ref _failure, new LaunchFailedException(resource.Name, reason, logTail, logTailSource, startException), null) is null)
            {
                await _stop.CancelAsync().ConfigureAwait(false);
            }

            return ResourceLaunchOutcome.Failed;
        }

        _logger.LogWarning("Optional {Resource} failed to start: {Reason}; the launch goes on without it", resource.Name, reason);
        // A half-started optional resource would otherwise linger until the application stops.
        await StopQuietlyAsync(resource).ConfigureAwait(false);
        _states.Publish(resource.Resource, KnownResourceState.FailedToStart, reason);
        _degraded[resource.Name] = reason;
        BlockDependents(resource);
        return ResourceLaunchOutcome.Failed;
    }

    private void BlockDependents(PlannedResource failed)
    {
        foreach (var dependent in _plan.GetDependents(failed.Name))
        {
            var via = dependent.Dependencies.First(d => d.Name == failed.Name || _blocked.ContainsKey(d.Name)).Name;
            var reason = via == failed.Name
                ? $"dependency '{failed.Name}' failed"
                : $"dependency '{via}' is blocked because '{failed.Name}' failed";
            if (_blocked.TryAdd(dependent.Name, reason))
            {
                _states.Publish(dependent.Resource, KnownResourceState.Blocked, reason);
            }
        }
    }

    private IReadOnlyList<string> ReadLogTail(string resourceName, Exception? startException)
    {
        var tail = _executor.GetLogTail(_plan.Find(resourceName)!.Resource, _options.FailureLogTailLines);
        return tail.Count == 0 && startException is ResourceStartException { LogTail: var fromException } ? fromException : tail;
    }

    private async Task StopQuietlyAsync(PlannedResource resource)
    {
        try
        {
            await _executor.StopAsync(resource.Resource, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Stopping {Resource} after its failed start failed too", resource.Name);
        }
    }

    private void PublishInitialStates()
    {
        foreach (var resource in _plan.Resources)
        {
            var (state, reason) = resource switch
            {
                { IsExplicitStart: true } => (KnownResourceState.NotStarted, "starts by command"),
                { BlockedUntilStarted.IsEmpty: false } => (KnownResourceState.Waiting,
                    $"waiting for {Quote(resource.BlockedUntilStarted)} to be started"),
                { Dependencies.IsEmpty: false } => (KnownResourceState.Waiting,
                    $"waiting for {Quote(resource.Dependencies.Select(d => d.Name))}"),
                _ => (KnownResourceState.NotStarted, (string?)null),
            };
            _states.Publish(resource.Resource, state, reason);
        }
    }

    private void PublishNeverAttempted(string reason)
    {
        var attempted = _attempted.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in _plan.Resources.Where(r => r.IsAutoStarted && !attempted.Contains(r.Name) && !_blocked.ContainsKey(r.Name)))
        {
            _states.Publish(resource.Resource, KnownResourceState.NotStarted, reason);
        }
    }

    private LaunchResult BuildResult(TimeSpan elapsed)
    {
        var inOrder = _plan.Resources.ToList();
        return new LaunchResult(
            [.. inOrder.Where(r => _outcomes[r.Name].Task is { IsCompleted: true, Result: ResourceLaunchOutcome.Started }).Select(r => r.Name)],
            [.. inOrder.Where(r => _degraded.ContainsKey(r.Name)).Select(r => new ResourceLaunchProblem(r.Name, _degraded[r.Name]))],
            [.. inOrder.Where(r => _blocked.ContainsKey(r.Name)).Select(r => new ResourceLaunchProblem(r.Name, _blocked[r.Name]))],
            [.. inOrder.Where(r => !r.IsAutoStarted && !_blocked.ContainsKey(r.Name)).Select(r => r.Name)],
            _durations.ToImmutableDictionary(StringComparer.Ordinal),
            elapsed);
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    public void Dispose()
    {
        _stop.Dispose();
        _slots.Dispose();
    }
}
