namespace Orchestrator.Api.Launch;

/// <summary>Every default number of the launch, in one place.</summary>
public static class LaunchDefaults
{
    public const int MaxConcurrency = 10;

    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public const int FailureLogTailLines = 20;
}
