using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting.Telemetry;

/// <summary>
/// Writes one plain line to stdout once the service listens: its identity and its addresses. It goes
/// straight to stdout, not through the logger, so it reads the same whatever the logging configuration,
/// and whoever captures the console (the orchestrator, a person) can find it with one grep.
/// </summary>
internal sealed class StartupLineWriter(
    IHostApplicationLifetime lifetime, ServiceIdentity identity, IServiceProvider services) : IHostedService
{
    private CancellationTokenRegistration _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStarted.Register(WriteLine);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _registration.Dispose();
        return Task.CompletedTask;
    }

    private void WriteLine()
    {
        // A worker without a server has no addresses; the line still says the service is up.
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var listening = addresses is { Count: > 0 } ? string.Join(", ", addresses) : "no http endpoint";
        Console.Out.WriteLine(
            $"{identity.ServiceName} started: instance {identity.InstanceId}, pid {identity.ProcessId}, listening on {listening}");
        Console.Out.Flush();
    }
}
