using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting;

/// <summary>Declares how the health monitor watches a resource once it runs: its liveness check and its check timing.</summary>
public static class HealthMonitoringBuilderExtensions
{
    /// <summary>
    /// Adds a liveness check apart from the readiness check: an HTTP GET that, when it fails
    /// <c>FailureThreshold</c> times in a row, gets the replica restarted. The readiness check
    /// (<c>WithHttpHealthCheck</c>, or the built-in one of PostgreSQL and Redis) then only decides
    /// whether the replica takes traffic. Without a liveness check the readiness check does both.
    /// <code>builder.AddProject("catalog", "...").WithHttpHealthCheck("/health").WithLivenessCheck("/alive");</code>
    /// </summary>
    /// <param name="builder">The resource's builder.</param>
    /// <param name="path">The path to GET; <c>/alive</c> (what ServiceDefaults maps) by default.</param>
    /// <param name="statusCode">The status code that means alive (200 by default).</param>
    /// <param name="endpointName">The endpoint to probe; the first HTTP endpoint by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not an HTTP status code.</exception>
    public static IResourceBuilder<T> WithLivenessCheck<T>(
        this IResourceBuilder<T> builder, string? path = null, int? statusCode = null, string? endpointName = null)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        var status = statusCode ?? 200;
        if (status is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), status,
                $"Resource '{builder.Resource.Name}' has a liveness check that expects status {status}, which HTTP never answers. Pass a status code from 100 to 599.");
        }

        var normalized = string.IsNullOrWhiteSpace(path) ? LivenessCheckAnnotation.DefaultPath : "/" + path.TrimStart('/');
        return builder.WithAnnotation(new LivenessCheckAnnotation(normalized, status, endpointName));
    }

    /// <summary>
    /// Sets how the health monitor checks the resource's replicas; every value left null keeps its
    /// default (every 5 s, 2 s timeout, restart after 3 liveness failures in a row, failures in the
    /// first 10 s after a start do not count). A later call changes only the values it passes.
    /// <code>builder.AddProject("catalog", "...").WithHealthCheckOptions(interval: TimeSpan.FromSeconds(10), failureThreshold: 5);</code>
    /// </summary>
    /// <param name="builder">The resource's builder.</param>
    /// <param name="interval">The time between two checks of a replica.</param>
    /// <param name="timeout">How long one check may take before it counts as failed.</param>
    /// <param name="failureThreshold">How many liveness failures in a row mean the replica has failed.</param>
    /// <param name="startupGracePeriod">How long after a (re)start liveness failures do not count.</param>
    /// <exception cref="ArgumentOutOfRangeException">A time is not positive (the grace period may be zero), or the threshold is below 1.</exception>
    public static IResourceBuilder<T> WithHealthCheckOptions<T>(
        this IResourceBuilder<T> builder,
        TimeSpan? interval = null,
        TimeSpan? timeout = null,
        int? failureThreshold = null,
        TimeSpan? startupGracePeriod = null)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        var name = builder.Resource.Name;
        if (interval is { } i && i <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), i, $"Resource '{name}' needs a positive health check interval.");
        }

        if (timeout is { } t && t <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), t, $"Resource '{name}' needs a positive health check timeout.");
        }

        if (failureThreshold is { } f && f < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(failureThreshold), f,
                $"Resource '{name}' needs a failure threshold of at least 1 (liveness failures in a row before a restart).");
        }

        if (startupGracePeriod is { } g && g < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(startupGracePeriod), g, $"Resource '{name}' needs a startup grace period of zero or more.");
        }

        // One annotation per resource: a later call refines the earlier one instead of resetting what it left out.
        var annotations = builder.Resource.Annotations;
        var earlier = annotations.LastOfType<HealthCheckOptionsAnnotation>();
        if (earlier is not null)
        {
            annotations.Remove(earlier);
        }

        return builder.WithAnnotation(new HealthCheckOptionsAnnotation(
            interval ?? earlier?.Interval,
            timeout ?? earlier?.Timeout,
            failureThreshold ?? earlier?.FailureThreshold,
            startupGracePeriod ?? earlier?.StartupGracePeriod));
    }
}
