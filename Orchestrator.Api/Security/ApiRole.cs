namespace Orchestrator.Api.Security;

/// <summary>What a key may do: a viewer reads (every GET and the stream), an operator also commands and registers.</summary>
public enum ApiRole
{
    /// <summary>Reads state, logs, history and the event stream.</summary>
    Viewer,

    /// <summary>Everything a viewer may, plus commands and registration.</summary>
    Operator,
}
