using System.Collections.Immutable;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Healing;

/// <summary>
/// What the healer keeps per resource: its ladder, its restart circuit, and one supervisor per replica.
/// The circuit is the resource's, not a replica's: replicas that keep failing together open it together.
/// </summary>
internal sealed class ResourceSupervision
{
    private readonly HealingContext _context;
    private readonly Lock _gate = new();
    private RestartCircuitBreaker _breaker;

    public ResourceSupervision(IResource resource, DistributedApplicationModel model, HealingContext context)
    {
        Resource = resource;
        Ladder = RestartLadder.For(resource, model);
        _context = context;
        _breaker = CreateBreaker();
        Replicas = [.. Enumerable.Range(0, resource.GetReplicaCount()).Select(i => new ReplicaSupervisor(this, i, context))];
    }

    public IResource Resource { get; }

    public string Name => Resource.Name;

    public RestartLadder Ladder { get; }

    public ImmutableArray<ReplicaSupervisor> Replicas { get; }

    public RestartCircuitBreaker Breaker
    {
        get
        {
            lock (_gate)
            {
                return _breaker;
            }
        }
    }

    /// <summary>How long a restarted replica may take to become healthy: the resource's start timeout, or the healer's.</summary>
    public TimeSpan StartTimeout => Resource.Annotations.LastOfType<StartTimeoutAnnotation>()?.Timeout ?? _context.Options.StartTimeout;

    /// <summary>
    /// Closes the circuit by replacing it, for a released resource: a circuit left open by the failures that
    /// led to quarantine would otherwise keep a healthy, released resource out of load balancing.
    /// </summary>
    public async Task ResetCircuitAsync(CancellationToken cancellationToken)
    {
        BreakerState previous;
        lock (_gate)
        {
            previous = _breaker.State;
            if (previous == BreakerState.Closed)
            {
                return;
            }

            _breaker = CreateBreaker();
        }

        var change = new BreakerStateChange(Name, previous, BreakerState.Closed, _context.Time.GetUtcNow(), null);
        await _context.Recorder.CircuitChangedAsync(change, "closed because the resource was released", cancellationToken).ConfigureAwait(false);
        _context.States.PublishCircuit(Resource, BreakerState.Closed);
    }

    public ResourceHealingStatus GetStatus()
    {
        var breaker = Breaker;
        return new ResourceHealingStatus(Name, breaker.State, [.. Replicas.Select(r => r.GetStatus())]) { CircuitOpenUntil = breaker.OpenUntil };
    }

    private RestartCircuitBreaker CreateBreaker() => new(Resource.Name, _context.Options.CircuitBreaker, _context.Time, OnCircuitChangedAsync);

    // Runs inside the restart that changed the circuit, before it returns: the history is written first.
    private async ValueTask OnCircuitChangedAsync(BreakerStateChange change)
    {
        await _context.Recorder.CircuitChangedAsync(change, null, CancellationToken.None).ConfigureAwait(false);
        _context.States.PublishCircuit(Resource, change.State);
        foreach (var replica in Replicas)
        {
            replica.NudgeIn(ReplicaHealingPhase.WaitingForCircuit);
        }
    }
}
