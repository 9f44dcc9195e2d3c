using System.Globalization;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Monitoring;

/// <summary>Runs one probe under the monitor's timeout and turns whatever happens into a check record.</summary>
internal static class BoundedCheck
{
    /// <summary>The probe's result, or a failed check when it times out or throws; throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task<HealthCheckRecord> RunAsync(IHealthProbe probe, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var started = time.GetTimestamp();
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            // WaitAsync: a probe that ignores its token still cannot hold the loop past the timeout.
            var result = await probe.ProbeAsync(linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
            return new HealthCheckRecord(at, HealthCheckKind.Readiness, result.Status, result.Duration, result.Error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckRecord(at, HealthCheckKind.Readiness, HealthStatus.Unhealthy, time.GetElapsedTime(started),
                string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0.###} s"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Probes report an unhealthy target as a result; a throwing one is still a failed check.
            return new HealthCheckRecord(at, HealthCheckKind.Readiness, HealthStatus.Unhealthy, time.GetElapsedTime(started), ex.Message);
        }
    }
}
