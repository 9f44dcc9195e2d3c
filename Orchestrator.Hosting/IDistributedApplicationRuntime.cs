namespace Orchestrator.Hosting;

/// <summary>
/// Marks the service that runs the model (the orchestrator registers one with <c>AddOrchestrator()</c>).
/// It is an <see cref="Microsoft.Extensions.Hosting.IHostedService"/>: starting the host launches the
/// resources, stopping it stops them in reverse order.
/// </summary>
public interface IDistributedApplicationRuntime : Microsoft.Extensions.Hosting.IHostedService;
