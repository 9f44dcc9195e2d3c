using Microsoft.Extensions.Logging;
using Orchestrator.Api.Telemetry;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Launch;

/// <summary>
/// Runs a <see cref="LaunchPlan"/> through an <see cref="IResourceExecutor"/>: phase after phase, phase 0
/// one resource at a time, later phases at most <see cref="LaunchOptions.MaxConcurrency"/> starts at once,
/// each resource as soon as its own dependencies are healthy (or completed), each start bounded by its
/// start timeout. It knows nothing of processes or resource kinds: the executor does.
/// </summary>
/// <remarks>
/// <para>A required resource that fails (its start throws, or outlasts its timeout) stops the launch: the
/// starts still in flight are cancelled, nothing more starts, and <see cref="LaunchAsync"/> throws
/// <see cref="LaunchFailedException"/> with the resource's log tail.</para>
/// <para>An optional resource that fails is stopped, published as FailedToStart, and everything that depends on
/// it (transitively, required or not) is published as Blocked and never started; the launch goes on.</para>
/// <para>Explicit-start resources, and everything that depends on them, are left waiting for a command.</para>
/// <para>The start timeout bounds the start itself and, separately, each wait for a dependency to run to
/// completion; time queued behind the concurrency limit does not count.</para>
/// <para>One launcher runs one launch; <see cref="StopAsync"/> stops what that launch handed to the executor, in reverse.</para>
/// </remarks>
public sealed class PhasedLauncher
{
    private readonly IResourceExecutor _executor;
    private readonly LaunchStatePublisher _states;
    private readonly LaunchOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PhasedLauncher> _logger;
    private readonly OrchestratorInstrumentation _instrumentation;
    private readonly Lock _gate = new();
    private LaunchRun? _run;
    private Task<LaunchResult>? _launch;
    private CancellationTokenSource? _cancelLaunch;

    /// <summary>Creates a launcher that starts resources through <paramref name="executor"/>.</summary>
    public PhasedLauncher(
        IResourceExecutor executor,
        ResourceNotificationService notifications,
        LaunchOptions options,
        TimeProvider timeProvider,
        ILogger<PhasedLauncher> logger,
        OrchestratorInstrumentation? instrumentation = null)
    {
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _executor = executor;
        _states = new LaunchStatePublisher(notifications);
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _instrumentation = instrumentation ?? new OrchestratorInstrumentation();
    }

    /// <summary>
    /// Starts every auto-started resource of <paramref name="plan"/> and completes once each is healthy,
    /// failed (optional ones) or blocked.
    /// </summary>
    /// <returns>What started, what the launch went on without, and how long each start took.</returns>
    /// <exception cref="LaunchFailedException">A required resource failed; what had started still runs until <see cref="StopAsync"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled, or <see cref="StopAsync"/> was called.</exception>
    /// <exception cref="InvalidOperationException">This launcher already ran a launch.</exception>
    public Task<LaunchResult> LaunchAsync(LaunchPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        EnsureRunnable(plan);
        lock (_gate)
        {
            if (_launch is not null)
            {
                throw new InvalidOperationException("This launcher already ran a launch; create a new PhasedLauncher for another one.");
            }

            _cancelLaunch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var run = _run = new LaunchRun(plan, _executor, _states, _options, _timeProvider, _logger, _instrumentation, _cancelLaunch.Token);
            _logger.LogInformation("Launching {Count} resources in {Phases} phases", plan.Resources.Count(), plan.Phases.Length);
            // On the thread pool, so that no executor code runs under this lock.
            _launch = Task.Run(run.RunAsync, CancellationToken.None);
            return _launch;
        }
    }

    /// <summary>
    /// Stops every resource the launch handed to the executor, in reverse phase order: later phases in
    /// parallel, phase 0 one at a time in reverse (its resources may depend on each other). Cancels a
    /// launch still running first. A resource that fails to stop is logged and the others still get a stop.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        LaunchRun? run;
        Task? launch;
        CancellationTokenSource? cancelLaunch;
        lock (_gate)
        {
            // Taking the run makes a second StopAsync a no-op.
            (run, launch, cancelLaunch) = (_run, _launch, _cancelLaunch);
            _run = null;
            _cancelLaunch = null;
        }

        if (run is null || launch is null || cancelLaunch is null)
        {
            return;
        }

        await cancelLaunch.CancelAsync().ConfigureAwait(false);
        try
        {
            await launch.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or LaunchFailedException)
        {
            // The launch's own ending was already reported to its caller.
        }

        foreach (var phase in run.Attempted.GroupBy(r => r.Phase).OrderByDescending(g => g.Key))
        {
            var resources = phase.Reverse().ToList();
            _logger.LogInformation("Stopping phase {Phase}: {Resources}", phase.Key, resources.Select(r => r.Name));
            if (phase.Key == 0)
            {
                foreach (var resource in resources)
                {
                    await StopOneAsync(resource, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                await Task.WhenAll(resources.Select(r => StopOneAsync(r, cancellationToken))).ConfigureAwait(false);
            }
        }

        if (launch.IsCompleted)
        {
            run.Dispose();
            cancelLaunch.Dispose();
        }
    }

    private async Task StopOneAsync(PlannedResource resource, CancellationToken cancellationToken)
    {
        try
        {
            await _executor.StopAsync(resource.Resource, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Stopping {Resource} failed; the others are stopped anyway", resource.Name);
        }
    }

    // A hand-made plan could make a resource wait for one that never starts, and hang the launch.
    private static void EnsureRunnable(LaunchPlan plan)
    {
        var position = plan.Resources.Select((r, i) => (r, i)).ToDictionary(p => p.r.Name, p => p.i, StringComparer.Ordinal);
        foreach (var resource in plan.Resources.Where(r => r.IsAutoStarted))
        {
            foreach (var dependency in resource.Dependencies)
            {
                if (!position.TryGetValue(dependency.Name, out var at) || at >= position[resource.Name] || !plan.Find(dependency.Name)!.IsAutoStarted)
                {
                    throw new ArgumentException(
                        $"Resource '{resource.Name}' depends on '{dependency.Name}', which the plan does not start before it. Make plans with LaunchPlanner.Plan.",
                        nameof(plan));
                }
            }
        }
    }
}
