namespace Orchestrator.Api.Balancing;

/// <summary>What came of a pick.</summary>
public enum BalancingStatus
{
    /// <summary>A replica was picked.</summary>
    Picked,

    /// <summary>No resource of that name has replicas (404).</summary>
    UnknownResource,

    /// <summary>The resource exists but no replica is eligible (503); the reason says why.</summary>
    NoneAvailable,
}
