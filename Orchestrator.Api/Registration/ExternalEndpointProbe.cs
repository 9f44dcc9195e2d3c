using Microsoft.Extensions.Logging;
using Orchestrator.Api.Events;
using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Registration;

/// <summary>
/// Probes one endpoint of a registered service: at once, then every interval. Keeps the replica's
/// snapshot Health in step and publishes <see cref="HealthChanged"/> on each change, as the health
/// monitor does for launched replicas. It never restarts anything: the service is not ours.
/// </summary>
internal sealed class ExternalEndpointProbe
{
    private readonly string _resource;
    private readonly string _replica;
    private readonly IHealthProbe _probe;
    private readonly ExternalHealthCheck _check;
    private readonly RegistryServices _services;
    private readonly HealthCheckHistory _history = new(RegistrationDefaults.HistoryCapacity);

    public ExternalEndpointProbe(string resource, string replica, IHealthProbe probe, ExternalHealthCheck check, RegistryServices services)
    {
        _resource = resource;
        _replica = replica;
        _probe = probe;
        _check = check;
        _services = services;
    }

    public IReadOnlyList<HealthCheckRecord> History => _history.ToImmutableArray();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                try
                {
                    var check = await BoundedCheck.RunAsync(_probe, _check.Timeout, _services.TimeProvider, cancellationToken).ConfigureAwait(false);
                    _history.Add(check);
                    Apply(check);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _services.Logger.LogWarning(ex, "Checking the health of {Replica} failed; checking again in {Interval}", _replica, _check.Interval);
                }

                await Task.Delay(_check.Interval, _services.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Apply(HealthCheckRecord check)
    {
        var notifications = _services.Notifications;
        if (notifications.GetSnapshot(_replica) is not { } current || current.Health == check.Status)
        {
            return;
        }

        var previous = current.Health;
        notifications.PublishUpdate(_replica, s => s with { Health = check.Status });
        var description = check.Error ?? _probe.Description;
        _services.Logger.LogInformation("{Replica} is now {Health} (was {Previous}): {Description}", _replica, check.Status, previous, description);
        _services.Events.Publish(new HealthChanged(check.Timestamp, _resource, _replica, check.Status, previous, description));
    }
}
