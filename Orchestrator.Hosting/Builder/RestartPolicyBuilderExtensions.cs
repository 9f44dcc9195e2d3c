using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Validation;

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
        var problems = RestartPolicyProblems.Find(resource, tiers.ToList(), options.MinUptime, options.StabilityPeriod, options.GracefulStopTimeout).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems));
        }
    }
}
