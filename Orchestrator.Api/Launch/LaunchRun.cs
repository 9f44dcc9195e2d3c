using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Telemetry;
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
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OrchestratorInstrumentation _instrumentation;

    // Cancelled by the caller's token, or by the first required failure so that nothing else starts.
    private readonly CancellationTokenSource _stop;
    private readonly SemaphoreSlim _slots;
    private readonly Dictionary<string, TaskCompletionSource<ResourceLaunchOutcome>> _outcomes;
    private readonly ConcurrentDictionary<string, TimeSpan> _durations = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PlannedResource> _attempted = new();
    private readonly LaunchFailureLedger _failures;

    public LaunchRun(LaunchPlan plan, IResourceExecutor executor, LaunchStatePublisher states, LaunchOptions options,
        TimeProvider time, ILogger logger, OrchestratorInstrumentation instrumentation, CancellationToken cancellationToken)
    {
        _plan = plan;
        _executor = executor;
        _states = states;
        _time = time;
        _logger = logger;
        _instrumentation = instrumentation;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrency));
        _failures = new LaunchFailureLedger(plan, executor, states, options, logger, _stop);
        _outcomes = plan.Resources.ToDictionary(
            r => r.Name, _ => new TaskCompletionSource<ResourceLaunchOutcome>(TaskCreationOptions.RunContinuationsAsynchronously), StringComparer.Ordinal);
    }

    /// <summary>Every resource handed to the executor so far (started, failed or cancelled), in the order they were.</summary>
    public IReadOnlyCollection<PlannedResource> Attempted => _attempted;

    public async Task<LaunchResult> RunAsync()
    {
        var launchStarted = _time.GetTimestamp();
        using var span = _instrumentation.StartLaunch(_plan.Resources.Count(r => r.IsAutoStarted), _plan.Phases.Length);
        try
        {
            var result = await RunPhasesAsync(launchStarted).ConfigureAwait(false);
            _instrumentation.LaunchEnded(span, result.Elapsed, result.IsDegraded ? "degraded" : "started");
            return result;
        }
        catch (Exception ex)
        {
            var cancelled = ex is OperationCanceledException;
            _instrumentation.LaunchEnded(span, _time.GetElapsedTime(launchStarted), cancelled ? "cancelled" : "failed", cancelled ? null : ex.Message);
            throw;
        }
    }

    private async Task<LaunchResult> RunPhasesAsync(long launchStarted)
    {
        _states.PublishInitialStates(_plan);
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
            using var phaseSpan = _instrumentation.StartPhase(phase.Number, resources.Select(r => r.Name));
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

        if (_failures.RequiredFailure is { } failure)
        {
            var attempted = _attempted.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            _states.PublishNotStarted(
                _plan.Resources.Where(r => r.IsAutoStarted && !attempted.Contains(r.Name) && !_failures.Blocked.ContainsKey(r.Name)),
                $"the launch stopped because '{failure.ResourceName}' failed");
            throw failure;
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
        if (_failures.Blocked.ContainsKey(resource.Name))
        {
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
            var target = _plan.Find(dependency.Name)!.Resource;
            using var timeout = new CancellationTokenSource(resource.StartTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, timeout.Token);
            _states.Publish(resource.Resource, KnownResourceState.Waiting, $"waiting for '{dependency.Name}' to complete");
            int exitCode;
            try
            {
                exitCode = await _executor.WaitForCompletionAsync(target, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_stop.IsCancellationRequested)
            {
                return await _failures.RecordAsync(resource, $"'{dependency.Name}' did not complete within {resource.StartTimeout}",
                    dependency.Name, exception: null).ConfigureAwait(false);
            }
            catch (Exception ex) when (!_stop.IsCancellationRequested)
            {
                return await _failures.RecordAsync(resource, $"waiting for '{dependency.Name}' to complete failed: {ex.Message}",
                    dependency.Name, ex).ConfigureAwait(false);
            }

            if (exitCode != dependency.ExpectedExitCode)
            {
                return await _failures.RecordAsync(resource, $"'{dependency.Name}' exited with code {exitCode}, but '{resource.Name}' waits for exit code {dependency.ExpectedExitCode}",
                    dependency.Name, exception: null).ConfigureAwait(false);
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
        using var span = _instrumentation.StartResource(resource.Name, resource.Phase);
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
            OrchestratorInstrumentation.Failed(span, $"it did not become healthy within {resource.StartTimeout}");
            return await _failures.RecordAsync(resource, $"it did not become healthy within {resource.StartTimeout}", resource.Name, ex).ConfigureAwait(false);
        }
        catch (Exception ex) when (!_stop.IsCancellationRequested)
        {
            _durations[resource.Name] = _time.GetElapsedTime(started);
            var reason = ex is ResourceStartException start ? start.Reason : ex.Message;
            OrchestratorInstrumentation.Failed(span, reason);
            return await _failures.RecordAsync(resource, reason, resource.Name, ex).ConfigureAwait(false);
        }
    }

    private LaunchResult BuildResult(TimeSpan elapsed)
    {
        var inOrder = _plan.Resources.ToList();
        return new LaunchResult(
            [.. inOrder.Where(r => _outcomes[r.Name].Task is { IsCompleted: true, Result: ResourceLaunchOutcome.Started }).Select(r => r.Name)],
            [.. inOrder.Where(r => _failures.Degraded.ContainsKey(r.Name)).Select(r => new ResourceLaunchProblem(r.Name, _failures.Degraded[r.Name]))],
            [.. inOrder.Where(r => _failures.Blocked.ContainsKey(r.Name)).Select(r => new ResourceLaunchProblem(r.Name, _failures.Blocked[r.Name]))],
            [.. inOrder.Where(r => !r.IsAutoStarted && !_failures.Blocked.ContainsKey(r.Name)).Select(r => r.Name)],
            _durations.ToImmutableDictionary(StringComparer.Ordinal),
            elapsed);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _slots.Dispose();
    }
}
