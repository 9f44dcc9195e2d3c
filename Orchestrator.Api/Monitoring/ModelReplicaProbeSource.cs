using Microsoft.Extensions.Logging;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Monitoring;

/// <summary>
/// Builds a replica's probes from the model: the readiness probe is the one its driver uses to wait
/// for the start (HTTP, PostgreSQL, Redis...), the liveness probe comes from <c>WithLivenessCheck</c>,
/// and the timing from <c>WithHealthCheckOptions</c> over the monitor's defaults.
/// </summary>
public sealed class ModelReplicaProbeSource(
    DistributedApplicationModel model,
    ResourceDriverRegistry drivers,
    ResourceRuntimeContext runtime,
    HttpHealthCheckProbeFactory httpProbes,
    HealthMonitorOptions options,
    ILogger<ModelReplicaProbeSource> logger) : IReplicaProbeSource
{
    /// <inheritdoc />
    public ReplicaProbeSet GetProbes(ResourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var resource = model.Find(snapshot.ResourceName)
            ?? throw new InvalidOperationException($"Replica '{snapshot.ReplicaName}' belongs to '{snapshot.ResourceName}', which is not in the model.");
        var replica = new ReplicaContext(resource, snapshot.ReplicaIndex, runtime);
        var settings = GetSettings(resource);
        var readiness = drivers.GetDriver(resource).CreateHealthProbe(replica);
        return new ReplicaProbeSet(readiness, CreateLiveness(replica, settings), settings);
    }

    private HttpHealthProbe? CreateLiveness(ReplicaContext replica, HealthCheckSettings settings)
    {
        if (replica.Resource.Annotations.LastOfType<LivenessCheckAnnotation>() is not { } check)
        {
            return null;
        }

        try
        {
            return httpProbes.Create(replica, new HttpHealthCheckAnnotation(check.Path, check.StatusCode, check.EndpointName), settings.Timeout);
        }
        catch (InvalidOperationException ex)
        {
            // A broken liveness check must not cost the replica its readiness check too.
            logger.LogError("{Reason} Until then the readiness check of {Replica} also decides its restarts.", ex.Message, replica.ReplicaName);
            return null;
        }
    }

    private HealthCheckSettings GetSettings(IResource resource)
    {
        var defaults = options.DefaultCheckSettings;
        if (resource.Annotations.LastOfType<HealthCheckOptionsAnnotation>() is not { } custom)
        {
            return defaults;
        }

        return new HealthCheckSettings(
            custom.Interval ?? defaults.Interval,
            custom.Timeout ?? defaults.Timeout,
            custom.FailureThreshold ?? defaults.FailureThreshold,
            custom.StartupGracePeriod ?? defaults.StartupGracePeriod);
    }
}
