using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Healing;

/// <summary>
/// What the restart ladder says to do after a replica ended: leave it, restart it, or quarantine it.
/// A closed set; match on <see cref="DoNotRestart"/>, <see cref="Restart"/> and <see cref="Quarantine"/>.
/// </summary>
public abstract record RestartDecision
{
    private RestartDecision()
    {
    }

    /// <summary>Leave the replica as it is.</summary>
    /// <param name="Reason">Why, for the history and the logs.</param>
    public sealed record DoNotRestart(string Reason) : RestartDecision;

    /// <summary>Restart the replica.</summary>
    /// <param name="Attempt">The attempt on the current ladder, from 1.</param>
    /// <param name="Tier">The tier the attempt falls in, from 1.</param>
    /// <param name="Action">What the tier does.</param>
    /// <param name="Delay">How long to wait before the attempt.</param>
    public sealed record Restart(int Attempt, int Tier, RestartAction Action, TimeSpan Delay) : RestartDecision;

    /// <summary>Stop restarting the replica until a user releases it.</summary>
    /// <param name="Attempt">The attempt that would have come next.</param>
    /// <param name="Reason">Why, for the history and the logs.</param>
    public sealed record Quarantine(int Attempt, string Reason) : RestartDecision;
}
