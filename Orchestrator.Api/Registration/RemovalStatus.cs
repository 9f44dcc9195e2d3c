namespace Orchestrator.Api.Registration;

/// <summary>What came of a removal.</summary>
public enum RemovalStatus
{
    /// <summary>The registration is gone: probes stopped, snapshots removed (204).</summary>
    Removed,

    /// <summary>No resource of that name (404).</summary>
    NotFound,

    /// <summary>A model resource, which cannot be removed at run time (409).</summary>
    NotRemovable,
}
