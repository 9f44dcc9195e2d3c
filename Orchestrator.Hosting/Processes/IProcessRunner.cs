namespace Orchestrator.Hosting.Processes;

/// <summary>Starts replicas as processes, each in its own process group, none outliving the AppHost.</summary>
public interface IProcessRunner
{
    /// <summary>Starts the process; completes once it runs (not once it is healthy).</summary>
    /// <exception cref="ProcessStartException">The program could not be started; the message says why.</exception>
    Task<IProcessHandle> StartAsync(ProcessSpec spec, CancellationToken cancellationToken = default);
}
