namespace Orchestrator.Api.Monitoring;

/// <summary>What a check decides: readiness (takes traffic), liveness (needs a restart), or both when one probe serves both.</summary>
[Flags]
public enum HealthCheckKind
{
    /// <summary>Decides whether the replica takes traffic.</summary>
    Readiness = 1,

    /// <summary>Decides whether the replica must be restarted.</summary>
    Liveness = 2,

    /// <summary>One probe that decides both (a resource without a separate liveness check).</summary>
    ReadinessAndLiveness = Readiness | Liveness,
}
