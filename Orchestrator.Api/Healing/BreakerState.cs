namespace Orchestrator.Api.Healing;

/// <summary>The state of a resource's restart circuit, as the API and load balancing see it.</summary>
public enum BreakerState
{
    /// <summary>Restarts go ahead.</summary>
    Closed,

    /// <summary>Too many restarts failed: restarts pause for the break duration.</summary>
    Open,

    /// <summary>The break is over: one restart is trying; its success closes the circuit, its failure opens it again.</summary>
    HalfOpen,
}
