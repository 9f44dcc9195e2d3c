namespace Orchestrator.Hosting.Orchestration;

/// <summary>Every default number of the executor, in one place.</summary>
public static class ResourceExecutorDefaults
{
    // Servers answer within milliseconds of exec: probe fast at first, then back off.
    public static readonly TimeSpan FirstProbeDelay = TimeSpan.FromMilliseconds(5);

    public static readonly TimeSpan MaxProbeDelay = TimeSpan.FromMilliseconds(250);

    public const int FailureLogTailLines = 20;
}
