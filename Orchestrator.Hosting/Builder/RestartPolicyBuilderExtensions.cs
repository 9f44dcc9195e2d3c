using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting;

/// <summary>Declares how a resource's replicas are restarted when they fail.</summary>
public static class RestartPolicyBuilderExtensions
{
    /// <summary>
    /// Sets the restart policy and, optionally, the escalation ladder and its times. Without it a
    /// resource restarts <see cref="RestartPolicy.Always"/> on the ladder of <see cref="RestartPolicyDefaults"/>.
    /// <code>
    /// builder.AddProject("catalog", "...").WithRestartPolicy(RestartPolicy.OnFailure, o =&gt;
    /// {
    ///     o.Tiers = [RestartTier.Immediate(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)), RestartTier.Quarantine()];
    ///     o.MinUptime = TimeSpan.FromSeconds(5);
    /// });
    /// </code>
    /// </summary>
    /// <param name="builder">The resource's builder.</param>
    /// <param name="policy">When a replica is restarted at all.</param>
    /// <param name="configure">Changes the ladder, the minimum uptime, the stability period or the graceful stop timeout.</param>
    /// <exception cref="ArgumentException">The ladder or a time is invalid; the message names the resource and the fix.</exception>
    public static IResourceBuilder<T> WithRestartPolicy<T>(
        this IResourceBuilder<T> builder, RestartPolicy policy = RestartPolicy.Always, Action<RestartPolicyOptions>? configure = null)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new RestartPolicyOptions();
        configure?.Invoke(options);

        var name = builder.Resource.Name;
        Validate(name, options);
        return builder.WithAnnotation(new RestartPolicyAnnotation(policy)
        {
            Tiers = Array.AsReadOnly(options.Tiers.ToArray()),
            MinUptime = options.MinUptime,
            StabilityPeriod = options.StabilityPeriod,
            GracefulStopTimeout = options.GracefulStopTimeout,
        });
    }

    private static void Validate(string resource, RestartPolicyOptions options)
    {
        var tiers = options.Tiers ?? throw new ArgumentException($"Resource '{resource}' has no restart ladder: set Tiers, or leave it at its default.");
        if (tiers.Count == 0)
        {
            throw new ArgumentException($"Resource '{resource}' has an empty restart ladder: give it at least one tier, e.g. RestartTier.Quarantine().");
        }

        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i] ?? throw new ArgumentException($"Resource '{resource}' has a null restart tier at position {i + 1}.");
            if (tier.Action == RestartAction.Quarantine && i != tiers.Count - 1)
            {
                throw new ArgumentException($"Resource '{resource}' quarantines at tier {i + 1} of {tiers.Count}: make RestartTier.Quarantine() the last tier.");
            }

            if (tier.Action != RestartAction.Quarantine && tier.Delays.Count == 0)
            {
                throw new ArgumentException($"Resource '{resource}' has a {tier.Action} restart tier without delays: give it one delay per attempt.");
            }

            if (tier.Delays.Any(d => d < TimeSpan.Zero))
            {
                throw new ArgumentException($"Resource '{resource}' has a negative delay in restart tier {i + 1}: delays must be zero or more.");
            }
        }

        if (options.MinUptime < TimeSpan.Zero)
        {
            throw new ArgumentException($"Resource '{resource}' has a negative MinUptime: use zero or more.");
        }

        if (options.StabilityPeriod <= TimeSpan.Zero || options.GracefulStopTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Resource '{resource}' needs a positive StabilityPeriod and GracefulStopTimeout.");
        }
    }
}
