namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>A .NET project, built once before launch and run from its build output.</summary>
public sealed class ProjectResource(string name, string projectPath)
    : Resource(name), IResourceWithServiceDiscovery, IResourceWithEnvironment, IResourceWithArgs
{
    /// <summary>The absolute path of the project file (.csproj).</summary>
    public string ProjectPath { get; } = projectPath;
}
