using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Monitoring;

/// <summary>A probe whose answer the test sets; it counts its calls and keeps the tokens it was given.</summary>
internal sealed class FakeHealthProbe(TimeProvider clock, string description = "fake probe") : IHealthProbe
{
    private readonly Lock _gate = new();
    private readonly List<CancellationToken> _tokens = [];

    public string Description { get; } = description;

    /// <summary>The error of the next answers; null answers healthy.</summary>
    public string? Error { get; set; }

    /// <summary>The response time of the next answers.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMilliseconds(3);

    /// <summary>When true, probes never answer (until cancelled, if <see cref="HonoursCancellation"/>).</summary>
    public bool Hangs { get; set; }

    public bool HonoursCancellation { get; set; } = true;

    public int Calls
    {
        get
        {
            lock (_gate)
            {
                return _tokens.Count;
            }
        }
    }

    public CancellationToken LastToken
    {
        get
        {
            lock (_gate)
            {
                return _tokens[^1];
            }
        }
    }

    public void AnswerHealthy() => Error = null;

    public void AnswerUnhealthy(string error = "boom") => Error = error;

    public Task<HealthProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _tokens.Add(cancellationToken);
        }

        if (Hangs)
        {
            var never = new TaskCompletionSource<HealthProbeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (HonoursCancellation)
            {
                cancellationToken.Register(() => never.TrySetCanceled(cancellationToken));
            }

            return never.Task;
        }

        var status = Error is null ? HealthStatus.Healthy : HealthStatus.Unhealthy;
        return Task.FromResult(new HealthProbeResult(clock.GetUtcNow(), status, Duration, Error));
    }
}
