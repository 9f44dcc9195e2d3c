using Polly;
using Polly.CircuitBreaker;

namespace Orchestrator.Api.Healing;

/// <summary>
/// One resource's circuit breaker around its restarts, on Polly's circuit breaker: a burst of failed
/// restarts opens it, restarts pause for the break duration, then one half-open try closes it on
/// success or opens it again on failure. The state is observable for the API and load balancing.
/// </summary>
/// <remarks>
/// Polly moves from open to half-open lazily, when a restart is tried after the break: so the state
/// reads <see cref="BreakerState.Open"/> until then, and <see cref="OpenUntil"/> says when a try is allowed.
/// The change callback runs, and is awaited, before the restart that caused the change returns:
/// the healer writes its history there, before acting.
/// </remarks>
public sealed class RestartCircuitBreaker
{
    private readonly ResiliencePipeline<bool> _pipeline;
    private readonly CircuitBreakerStateProvider _stateProvider = new();
    private readonly TimeProvider _timeProvider;
    private readonly Func<BreakerStateChange, ValueTask>? _onStateChanged;
    private readonly object _gate = new();
    private BreakerState _lastState = BreakerState.Closed;
    private DateTimeOffset? _openUntil;

    /// <summary>Creates the circuit of <paramref name="resource"/>.</summary>
    /// <param name="resource">The resource, for the change notices.</param>
    /// <param name="options">When the circuit opens and for how long.</param>
    /// <param name="timeProvider">The clock (a fake one in tests).</param>
    /// <param name="onStateChanged">Called, and awaited, on every change of state.</param>
    public RestartCircuitBreaker(
        string resource, RestartCircuitBreakerOptions options, TimeProvider timeProvider, Func<BreakerStateChange, ValueTask>? onStateChanged = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Resource = resource;
        _timeProvider = timeProvider;
        _onStateChanged = onStateChanged;

        _pipeline = new ResiliencePipelineBuilder<bool> { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<bool>
            {
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                StateProvider = _stateProvider,
                // A restart fails when the replica did not come up, or the attempt threw; a
                // cancellation is the orchestrator stopping, not the resource failing.
                ShouldHandle = new PredicateBuilder<bool>()
                    .HandleResult(false)
                    .Handle<Exception>(e => e is not OperationCanceledException),
                OnOpened = args => ChangeAsync(BreakerState.Open, args.BreakDuration),
                OnHalfOpened = _ => ChangeAsync(BreakerState.HalfOpen, null),
                OnClosed = _ => ChangeAsync(BreakerState.Closed, null),
            })
            .Build();
    }

    /// <summary>The resource whose restarts this circuit guards.</summary>
    public string Resource { get; }

    /// <summary>The circuit's state now.</summary>
    public BreakerState State => _stateProvider.CircuitState switch
    {
        CircuitState.Closed => BreakerState.Closed,
        CircuitState.HalfOpen => BreakerState.HalfOpen,
        _ => BreakerState.Open,
    };

    /// <summary>While the circuit is open, when the break ends and a half-open try is allowed; otherwise null.</summary>
    public DateTimeOffset? OpenUntil
    {
        get
        {
            lock (_gate)
            {
                return State == BreakerState.Open ? _openUntil : null;
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="restart"/> unless the circuit forbids it. The restart returns true when the
    /// replica came up (started and stayed up for its minimum uptime), false when it did not.
    /// An exception from <paramref name="restart"/> counts as a failure and is rethrown.
    /// </summary>
    public async ValueTask<RestartAttemptResult> ExecuteAsync(Func<CancellationToken, ValueTask<bool>> restart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(restart);
        try
        {
            var succeeded = await _pipeline.ExecuteAsync(static (r, ct) => r(ct), restart, cancellationToken).ConfigureAwait(false);
            return succeeded ? RestartAttemptResult.Succeeded : RestartAttemptResult.Failed;
        }
        catch (BrokenCircuitException)
        {
            return RestartAttemptResult.Rejected;
        }
    }

    private async ValueTask ChangeAsync(BreakerState state, TimeSpan? breakDuration)
    {
        var now = _timeProvider.GetUtcNow();
        BreakerState previous;
        lock (_gate)
        {
            previous = _lastState;
            _lastState = state;
            _openUntil = breakDuration is { } d ? now + d : null;
        }

        if (_onStateChanged is not null)
        {
            await _onStateChanged(new BreakerStateChange(Resource, previous, state, now, breakDuration)).ConfigureAwait(false);
        }
    }
}
