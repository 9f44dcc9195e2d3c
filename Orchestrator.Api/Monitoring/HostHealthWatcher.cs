using Microsoft.Extensions.Logging;
using Orchestrator.Api.Events;

namespace Orchestrator.Api.Monitoring;

/// <summary>Samples the host on its interval, keeps the latest sample and publishes threshold alerts on the event stream.</summary>
internal sealed class HostHealthWatcher(
    HostStatsSampler sampler,
    HostThresholdAlerts alerts,
    EventStream events,
    TimeSpan interval,
    TimeProvider timeProvider,
    ILogger logger)
{
    private Reading _latest = new(null, HostStats.Empty);

    /// <summary>Samples once now (CPU needs a second sample), then every interval until <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        SampleOnce();
        return LoopAsync(cancellationToken);
    }

    public HostHealthReport GetReport()
    {
        var (at, stats) = Volatile.Read(ref _latest);
        return new HostHealthReport(at, stats.CpuPercent, stats.MemoryPercent, stats.MemoryTotalBytes, stats.MemoryUsedBytes,
            stats.DiskPercent, stats.DiskTotalBytes, stats.DiskUsedBytes, sampler.DiskPath, alerts.Thresholds, alerts.Active);
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, timeProvider, cancellationToken).ConfigureAwait(false);
                SampleOnce();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void SampleOnce()
    {
        try
        {
            var now = timeProvider.GetUtcNow();
            var stats = sampler.Sample();
            Volatile.Write(ref _latest, new Reading(now, stats));
            foreach (var alert in alerts.Evaluate(stats, now))
            {
                logger.Log(alert.Severity == AlertSeverity.Info ? LogLevel.Information : LogLevel.Warning, "{Alert}", alert.Message);
                events.Publish(alert);
            }
        }
        catch (Exception ex)
        {
            // A host that cannot be sampled once is no reason to stop sampling it.
            logger.LogWarning(ex, "Could not sample the host");
        }
    }

    private sealed record Reading(DateTimeOffset? At, HostStats Stats);
}
