using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Hosting.Health;

/// <summary>
/// Runs one check under a timeout and turns its outcome into a <see cref="HealthProbeResult"/>: the
/// shared part of every probe, so that each probe only says what it checks.
/// </summary>
internal static class TimedProbe
{
    /// <summary>Runs <paramref name="check"/>, which returns null when healthy or the reason it is not.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (a timeout is a result, not an exception).</exception>
    public static async Task<HealthProbeResult> RunAsync(
        TimeProvider timeProvider,
        TimeSpan timeout,
        Func<CancellationToken, Task<string?>> check,
        CancellationToken cancellationToken)
    {
        var timestamp = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        string? error;
        try
        {
            error = await check(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"timed out after {timeout.TotalSeconds:0.###} s";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = Describe(ex);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var duration = timeProvider.GetElapsedTime(started);
        return error is null
            ? new HealthProbeResult(timestamp, HealthStatus.Healthy, duration)
            : new HealthProbeResult(timestamp, HealthStatus.Unhealthy, duration, error);
    }

    // Socket and protocol errors often carry the useful part ("Connection refused") one level down.
    private static string Describe(Exception ex) =>
        ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{ex.Message} ({inner.Message})"
            : ex.Message;
}
