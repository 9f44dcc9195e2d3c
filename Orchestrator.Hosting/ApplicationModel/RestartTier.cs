namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>
/// One rung of the restart ladder: an action and one delay per attempt, so a tier with three delays
/// covers three attempts. A <see cref="RestartAction.Quarantine"/> tier has no delays.
/// </summary>
/// <param name="Action">What each attempt of this tier does.</param>
/// <param name="Delays">How long to wait before each attempt, in order.</param>
public sealed record RestartTier(RestartAction Action, IReadOnlyList<TimeSpan> Delays)
{
    /// <summary>How many attempts this tier covers.</summary>
    public int Attempts => Delays.Count;

    /// <summary>A tier that starts the replica again after each delay.</summary>
    public static RestartTier Immediate(params TimeSpan[] delays) => new(RestartAction.Immediate, Array.AsReadOnly(delays.ToArray()));

    /// <summary>A tier that stops the replica gracefully, then starts it after each delay.</summary>
    public static RestartTier Graceful(params TimeSpan[] delays) => new(RestartAction.Graceful, Array.AsReadOnly(delays.ToArray()));

    /// <summary>A tier that restarts the resource's dependencies, then the replica, after each delay.</summary>
    public static RestartTier RestartDependencies(params TimeSpan[] delays) =>
        new(RestartAction.RestartDependencies, Array.AsReadOnly(delays.ToArray()));

    /// <summary>The last tier: quarantine the replica until a user releases it.</summary>
    public static RestartTier Quarantine() => new(RestartAction.Quarantine, Array.Empty<TimeSpan>());
}
