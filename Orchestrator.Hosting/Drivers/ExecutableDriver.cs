using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Drivers;

/// <summary>Runs an <see cref="ExecutableResource"/>: its command with its arguments, in its working directory.</summary>
public sealed class ExecutableDriver(HttpHealthCheckProbeFactory httpProbes) : IResourceDriver
{
    /// <inheritdoc />
    public bool CanRun(IResource resource) => resource is ExecutableResource;

    /// <inheritdoc />
    public Task PrepareAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public ProcessSpec? CreateProcessSpec(ReplicaContext replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var executable = (ExecutableResource)replica.Resource;
        return new ProcessSpec(
            replica.ReplicaName,
            ResolveCommand(executable),
            replica.GetCommandLineArgs(),
            executable.WorkingDirectory,
            new Dictionary<string, string>())
        {
            LogFilePath = replica.GetLogFilePath(),
        };
    }

    /// <inheritdoc />
    public IHealthProbe? CreateHealthProbe(ReplicaContext replica) => httpProbes.Create(replica);

    /// <inheritdoc />
    public Task OnHealthyAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken) => Task.CompletedTask;

    // "./worker" means the worker beside the working directory, not beside wherever the AppHost was started;
    // a bare name ("python3") is left for a PATH lookup.
    private static string ResolveCommand(ExecutableResource executable) =>
        executable.Command.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(executable.Command)
            ? Path.GetFullPath(executable.Command, executable.WorkingDirectory)
            : executable.Command;
}
