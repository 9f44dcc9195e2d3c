namespace Orchestrator.Api.Events;

/// <summary>How loudly an alert asks for attention.</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
