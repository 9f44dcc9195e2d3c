namespace Orchestrator.Api.Http;

/// <summary>What an operator may ask of a resource.</summary>
public enum ResourceCommand
{
    /// <summary>Start a stopped resource.</summary>
    Start,

    /// <summary>Stop a running resource; it stays stopped (no failure, no restart) until started.</summary>
    Stop,

    /// <summary>Restart a running resource gracefully; it does not count on the restart ladder.</summary>
    Restart,

    /// <summary>Release a quarantined resource: its ladder starts over and it is started.</summary>
    Release,
}
