using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Launch;

/// <summary>
/// Decides what a failed start means for the launch: a required resource stops it (the first one is the
/// cause, later ones are the cancellations it caused); an optional one degrades it and blocks everything
/// downstream of it. Keeps the record the launch result is made from.
/// </summary>
internal sealed class LaunchFailureLedger(
    LaunchPlan plan,
    IResourceExecutor executor,
    LaunchStatePublisher states,
    LaunchOptions options,
    ILogger logger,
    CancellationTokenSource stopLaunch)
{
    private readonly ConcurrentDictionary<string, string> _blocked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _degraded = new(StringComparer.Ordinal);
    private LaunchFailedException? _requiredFailure;

    /// <summary>The required failure that stopped the launch, or null.</summary>
    public LaunchFailedException? RequiredFailure => Volatile.Read(ref _requiredFailure);

    /// <summary>Failed optional resources and their reasons.</summary>
    public IReadOnlyDictionary<string, string> Degraded => _degraded;

    /// <summary>Resources behind a failed optional one, and why they will not start.</summary>
    public IReadOnlyDictionary<string, string> Blocked => _blocked;

    public async Task<ResourceLaunchOutcome> RecordAsync(PlannedResource resource, string reason, string logTailSource, Exception? exception)
    {
        var logTail = ReadLogTail(logTailSource, exception);
        if (!resource.IsOptional)
        {
            logger.LogError("{Resource} failed to start: {Reason}", resource.Name, reason);
            states.Publish(resource.Resource, KnownResourceState.FailedToStart, reason);
            var failure = new LaunchFailedException(resource.Name, reason, logTail, logTailSource, exception);
            if (Interlocked.CompareExchange(ref _requiredFailure, failure, null) is null)
            {
                await stopLaunch.CancelAsync().ConfigureAwait(false);
            }

            return ResourceLaunchOutcome.Failed;
        }

        logger.LogWarning("Optional {Resource} failed to start: {Reason}; the launch goes on without it", resource.Name, reason);
        // A half-started optional resource would otherwise linger until the application stops.
        await StopQuietlyAsync(resource).ConfigureAwait(false);
        states.Publish(resource.Resource, KnownResourceState.FailedToStart, reason);
        _degraded[resource.Name] = reason;
        BlockDependents(resource);
        return ResourceLaunchOutcome.Failed;
    }

    private void BlockDependents(PlannedResource failed)
    {
        foreach (var dependent in plan.GetDependents(failed.Name))
        {
            var via = dependent.Dependencies.First(d => d.Name == failed.Name || _blocked.ContainsKey(d.Name)).Name;
            var reason = via == failed.Name
                ? $"dependency '{failed.Name}' failed"
                : $"dependency '{via}' is blocked because '{failed.Name}' failed";
            if (_blocked.TryAdd(dependent.Name, reason))
            {
                logger.LogWarning("{Resource} is blocked: {Reason}", dependent.Name, reason);
                states.Publish(dependent.Resource, KnownResourceState.Blocked, reason);
            }
        }
    }

    private IReadOnlyList<string> ReadLogTail(string resourceName, Exception? exception)
    {
        var tail = executor.GetLogTail(plan.Find(resourceName)!.Resource, options.FailureLogTailLines);
        return tail.Count == 0 && exception is ResourceStartException { LogTail: var fromException } ? fromException : tail;
    }

    private async Task StopQuietlyAsync(PlannedResource resource)
    {
        try
        {
            await executor.StopAsync(resource.Resource, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Stopping {Resource} after its failed start failed too", resource.Name);
        }
    }
}
