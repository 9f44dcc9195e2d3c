using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Validation;

/// <summary>
/// What can be wrong with a restart ladder, in one place: <c>WithRestartPolicy</c> throws on it at once,
/// and the model validator reports it for ladders that came another way (a manifest).
/// </summary>
internal static class RestartPolicyProblems
{
    public static IEnumerable<string> Find(
        string resource, IReadOnlyList<RestartTier?> tiers, TimeSpan minUptime, TimeSpan stabilityPeriod, TimeSpan gracefulStopTimeout)
    {
        if (tiers.Count == 0)
        {
            yield return $"Resource '{resource}' has an empty restart ladder: give it at least one tier, e.g. RestartTier.Quarantine().";
        }

        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i] is not { } tier)
            {
                yield return $"Resource '{resource}' has a null restart tier at position {i + 1}.";
                continue;
            }

            if (tier.Action == RestartAction.Quarantine && i != tiers.Count - 1)
            {
                yield return $"Resource '{resource}' quarantines at tier {i + 1} of {tiers.Count}: make RestartTier.Quarantine() the last tier.";
            }

            if (tier.Action != RestartAction.Quarantine && tier.Delays.Count == 0)
            {
                yield return $"Resource '{resource}' has a {tier.Action} restart tier without delays: give it one delay per attempt.";
            }

            if (tier.Delays.Any(d => d < TimeSpan.Zero))
            {
                yield return $"Resource '{resource}' has a negative delay in restart tier {i + 1}: delays must be zero or more.";
            }
        }

        if (minUptime < TimeSpan.Zero)
        {
            yield return $"Resource '{resource}' has a negative MinUptime: use zero or more.";
        }

        if (stabilityPeriod <= TimeSpan.Zero || gracefulStopTimeout <= TimeSpan.Zero)
        {
            yield return $"Resource '{resource}' needs a positive StabilityPeriod and GracefulStopTimeout.";
        }
    }
}
