using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Healing;

/// <summary>
/// Pure restart escalation for one resource: from a replica's <see cref="ReplicaRestartState"/>, how
/// its process ended, and the time, says what to do next. No I/O and no clock of its own; the healer
/// around it does the restarts, writes the history and keeps the states.
/// </summary>
/// <remarks>
/// The rules, precisely:
/// <list type="bullet">
/// <item>Every failure climbs one attempt. A start counts as successful once the replica has been up
/// and healthy for <see cref="RestartPolicyAnnotation.MinUptime"/>, but that alone resets nothing:
/// a replica that crashes a minute after a successful start still climbs.</item>
/// <item>The ladder starts over (the failure is attempt 1 again) only when the replica had been up and
/// healthy, without a break, for <see cref="RestartPolicyAnnotation.StabilityPeriod"/> before it failed.</item>
/// <item>An exit with code 0 is no failure under <see cref="RestartPolicy.OnFailure"/>, nor for a
/// run-to-completion resource under <see cref="RestartPolicy.Always"/>: the replica is left alone and its ladder starts over.</item>
/// </list>
/// </remarks>
public sealed class RestartLadder
{
    /// <summary>Creates the ladder of one resource.</summary>
    /// <param name="policy">The resource's restart policy.</param>
    /// <param name="runsToCompletion">True when another resource waits for this one to complete, so exit 0 means done.</param>
    public RestartLadder(RestartPolicyAnnotation policy, bool runsToCompletion = false)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        RunsToCompletion = runsToCompletion;
    }

    /// <summary>The resource's restart policy.</summary>
    public RestartPolicyAnnotation Policy { get; }

    /// <summary>True when an exit with code 0 means the resource is done.</summary>
    public bool RunsToCompletion { get; }

    /// <summary>The ladder of <paramref name="resource"/>, from its annotation (or the default) and the model.</summary>
    public static RestartLadder For(IResource resource, DistributedApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(model);
        return new RestartLadder(resource.GetRestartPolicy(), resource.RunsToCompletion(model));
    }

    /// <summary>
    /// The replica's process ended with <paramref name="exitCode"/> at <paramref name="now"/>, or was
    /// declared failed (killed, or unhealthy for too long: <paramref name="exitCode"/> is null).
    /// </summary>
    public RestartOutcome Decide(ReplicaRestartState state, int? exitCode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsQuarantined)
        {
            return new(state, new RestartDecision.DoNotRestart("The replica is quarantined until it is released."));
        }

        var wasStable = IsStable(state, now);
        var ended = state.OnExited(now, exitCode);
        if (Policy.Policy == RestartPolicy.Never)
        {
            return new(ended with { LastFailureAt = exitCode == 0 ? state.LastFailureAt : now },
                new RestartDecision.DoNotRestart("The restart policy is Never."));
        }

        if (exitCode == 0 && (Policy.Policy == RestartPolicy.OnFailure || RunsToCompletion))
        {
            var why = RunsToCompletion ? "The replica ran to completion (exit code 0)." : "The replica exited with code 0 and the restart policy is OnFailure.";
            return new(ended with { Attempts = 0 }, new RestartDecision.DoNotRestart(why));
        }

        var attempt = (wasStable ? 0 : state.Attempts) + 1;
        var failed = ended with { Attempts = attempt, LastFailureAt = now };
        return Climb(failed, attempt, now);
    }

    /// <summary>True once the replica's current start counts as successful: up and healthy for MinUptime.</summary>
    public bool HasStartSucceeded(ReplicaRestartState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.HealthySince is { } since && now - since >= Policy.MinUptime;
    }

    /// <summary>True once the replica has been up and healthy for the stability period: its ladder may start over.</summary>
    public bool IsStable(ReplicaRestartState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.HealthySince is { } since && now - since >= Policy.StabilityPeriod;
    }

    /// <summary>
    /// Starts the ladder over when the replica has been stable long enough, so that the API shows it at
    /// once; <see cref="Decide"/> applies the same rule, so calling this is optional.
    /// </summary>
    public ReplicaRestartState ResetIfStable(ReplicaRestartState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Attempts > 0 && IsStable(state, now) ? state with { Attempts = 0 } : state;
    }

    private RestartOutcome Climb(ReplicaRestartState failed, int attempt, DateTimeOffset now)
    {
        var tiers = Policy.Tiers;
        var first = 1;
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            if (tier.Action == RestartAction.Quarantine)
            {
                break;
            }

            if (attempt < first + tier.Attempts)
            {
                return new(failed, new RestartDecision.Restart(attempt, i + 1, tier.Action, tier.Delays[attempt - first]));
            }

            first += tier.Attempts;
        }

        // Past the restart tiers: a ladder that ends in Quarantine gives up; one that does not keeps
        // trying at its last rung, like a supervisor with unlimited retries.
        var last = tiers.Count > 0 ? tiers[^1] : null;
        if (last is not null && last.Action != RestartAction.Quarantine && last.Attempts > 0)
        {
            return new(failed, new RestartDecision.Restart(attempt, tiers.Count, last.Action, last.Delays[^1]));
        }

        var reason = $"The replica failed {attempt} times in a row without staying up for {Policy.StabilityPeriod}; the restart ladder is exhausted.";
        return new(failed.OnQuarantined(now), new RestartDecision.Quarantine(attempt, reason));
    }
}
