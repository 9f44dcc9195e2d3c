using Orchestrator.Hosting.Health;

namespace Orchestrator.Hosting.Tests.Drivers;

/// <summary>Waits for a condition with a deadline, polling; fails with the process output when it does not come.</summary>
internal static class HealthWait
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<HealthProbeResult> UntilHealthyAsync(IHealthProbe probe, TestProcess? process, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        HealthProbeResult? last = null;
        while (!deadline.IsCancellationRequested)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"The process exited before it was healthy ({last?.Error}). Output:{Environment.NewLine}{process.OutputText}");
            }

            last = await probe.ProbeAsync(CancellationToken.None);
            if (last.IsHealthy)
            {
                return last;
            }

            try
            {
                await Task.Delay(PollInterval, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        throw new TimeoutException($"{probe.Description} was not healthy in time ({last?.Error}). Output:{Environment.NewLine}{process?.OutputText}");
    }
}
