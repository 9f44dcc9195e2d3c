using Orchestrator.Hosting;

namespace Orchestrator.Api.Launch;

/// <summary>Runs the model inside the AppHost: launches it in phases on start, stops it in reverse on stop.</summary>
internal sealed class OrchestratorRuntime : IDistributedApplicationRuntime
{
    // TODO(H4): plan, launch, stop.
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
