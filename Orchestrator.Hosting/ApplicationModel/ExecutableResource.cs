namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>A program run as a native process.</summary>
public class ExecutableResource(string name, string command, string workingDirectory)
    : Resource(name), IResourceWithServiceDiscovery, IResourceWithEnvironment, IResourceWithArgs
{
    /// <summary>The program: a path, or a name looked up on PATH.</summary>
    public string Command { get; } = command;

    /// <summary>The directory the program runs in.</summary>
    public string WorkingDirectory { get; } = workingDirectory;
}
