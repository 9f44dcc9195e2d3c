using Microsoft.Extensions.Logging;
using Orchestrator.Api.Healing;
using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Api.Launch;

/// <summary>
/// Runs the model inside the AppHost: plans it and launches it in phases when the host starts, and
/// stops it in reverse when the host stops. A failed launch stops whatever it had started.
/// </summary>
internal sealed class OrchestratorRuntime(
    DistributedApplicationModel model,
    LaunchOptions options,
    PhasedLauncher launcher,
    ResourceExecutor executor,
    ResourceNotificationService notifications,
    HostingPaths paths,
    ILogger<OrchestratorRuntime> logger,
    HealthMonitor monitor,
    Healer healer,
    Http.OrchestratorApiEndpoint? api = null) : IDistributedApplicationRuntime
{
    /// <summary>The plan of the current launch, once planned.</summary>
    public LaunchPlan? Plan { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Plan = LaunchPlanner.Plan(model, options);
        logger.LogInformation("Launching {Count} resources in {Phases} phases; state in {StateDirectory}",
            Plan.Resources.Count(), Plan.Phases.Length, paths.StateDirectory);
        try
        {
            await executor.PrepareAllAsync(Plan.Resources.Where(r => r.IsAutoStarted).Select(r => r.Resource), cancellationToken).ConfigureAwait(false);
            var result = await launcher.LaunchAsync(Plan, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Launch finished in {Elapsed}: {Started} started, {Degraded} failed (optional), {Blocked} blocked",
                result.Elapsed, result.Started.Length, result.Degraded.Length, result.Blocked.Length);
            WriteSummary(result);
            // Supervision begins once everything required is up: a failure during the launch is the launch's to report.
            // The healer listens before the monitor speaks, so that no reported failure is missed.
            await healer.StartAsync(cancellationToken).ConfigureAwait(false);
            await monitor.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nothing is left half-started: the host does not call StopAsync after a failed start.
            await launcher.StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The monitor stops first, so that replicas going down are not mistaken for failures, then the healer,
        // so that nothing restarts what the shutdown stops; the resources stop whatever those two say.
        try
        {
            await monitor.StopAsync(cancellationToken).ConfigureAwait(false);
            await healer.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await launcher.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // The one place a person looks once everything is up: what runs where, and where state and secrets are kept.
    private void WriteSummary(LaunchResult result)
    {
        var lines = new List<string> { string.Empty, "The application is running." };
        foreach (var snapshot in notifications.GetSnapshots())
        {
            var urls = snapshot.Urls.IsDefaultOrEmpty ? string.Empty : string.Join(' ', snapshot.Urls);
            lines.Add($"  {snapshot.ReplicaName,-24} {snapshot.State,-14} {urls}");
        }

        foreach (var problem in result.Degraded.Concat(result.Blocked))
        {
            lines.Add($"  ! {problem.ResourceName}: {problem.Reason}");
        }

        lines.Add($"  State directory: {paths.StateDirectory}");
        lines.Add($"  Secrets (mode 0600): {paths.SecretsDirectory}");
        if (api?.BaseAddress is { } apiUrl)
        {
            // Where the keys are, never the keys.
            lines.Add($"  Orchestrator API: {apiUrl.ToString().TrimEnd('/')} (keys in {api.KeyLocation})");
        }

        lines.Add("Press Ctrl+C to stop everything.");
        Console.Out.WriteLine(string.Join(System.Environment.NewLine, lines));
    }
}
