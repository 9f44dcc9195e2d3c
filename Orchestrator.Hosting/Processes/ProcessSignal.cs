namespace Orchestrator.Hosting.Processes;

/// <summary>The signals the runner sends, with their Linux numbers.</summary>
public enum ProcessSignal
{
    Interrupt = 2,
    Quit = 3,
    Kill = 9,
    Terminate = 15,
}
