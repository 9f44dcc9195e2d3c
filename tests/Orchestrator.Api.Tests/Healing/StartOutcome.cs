namespace Orchestrator.Api.Tests.Healing;

/// <summary>How a start through <see cref="FakeReplicaControl"/> ends.</summary>
internal abstract record StartOutcome
{
    public static StartOutcome Healthy { get; } = new HealthyOutcome();

    public static StartOutcome Hangs { get; } = new HangsOutcome();

    public static StartOutcome ExitsWith(int exitCode) => new ExitsOutcome(exitCode);

    public sealed record HealthyOutcome : StartOutcome;

    /// <summary>The process exits before it is healthy, so the start throws.</summary>
    public sealed record ExitsOutcome(int ExitCode) : StartOutcome;

    /// <summary>The process runs but never becomes healthy: the start waits until it is cancelled.</summary>
    public sealed record HangsOutcome : StartOutcome;
}
