using Microsoft.Extensions.Hosting;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Dashboard;

/// <summary>
/// Prints the dashboard's login URL once the dashboard is up and healthy. Only to the console, where the
/// person who started the AppHost reads it, never through a logger, since the URL holds the token.
/// </summary>
internal sealed class DashboardLoginAnnouncer(DashboardLogin login, ResourceNotificationService notifications) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var snapshot = await notifications.WaitForAsync(
                login.ResourceName,
                s => s.State == KnownResourceState.Running && s.Health == HealthStatus.Healthy && !s.Urls.IsDefaultOrEmpty,
                stoppingToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"Dashboard: {login.UrlFor(snapshot.Urls[0])}").ConfigureAwait(false);
            await Console.Out.FlushAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost stopped before the dashboard was up: nothing to announce.
        }
    }
}
