using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting;

/// <summary>Adds programs to the model.</summary>
public static class ExecutableResourceBuilderExtensions
{
    /// <summary>
    /// Adds a program run as a native process.
    /// <code>builder.AddExecutable("worker", "python3", "../worker", "main.py");</code>
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource's name.</param>
    /// <param name="command">The program: a path, or a name on PATH.</param>
    /// <param name="workingDirectory">Its working directory, relative to the AppHost directory.</param>
    /// <param name="args">Its arguments.</param>
    public static IResourceBuilder<ExecutableResource> AddExecutable(
        this IDistributedApplicationBuilder builder, string name, string command, string workingDirectory, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(workingDirectory);
        var directory = Path.GetFullPath(workingDirectory, builder.AppHostDirectory);
        var resource = builder.AddResource(new ExecutableResource(name, command, directory));
        return args is { Length: > 0 } ? resource.WithArgs(args) : resource;
    }
}
