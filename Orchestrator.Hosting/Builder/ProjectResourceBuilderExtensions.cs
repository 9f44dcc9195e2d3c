using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting;

/// <summary>Adds .NET projects to the model.</summary>
public static class ProjectResourceBuilderExtensions
{
    /// <summary>
    /// Adds a .NET project, built once before launch and run from its build output. It gets an
    /// <c>http</c> endpoint (a free port per replica) that <c>ASPNETCORE_URLS</c> points at.
    /// <code>builder.AddProject("catalog", "../samples/Catalog/Catalog.csproj").WithReplicas(2);</code>
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource's name.</param>
    /// <param name="projectPath">The project file, relative to the AppHost directory.</param>
    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(projectPath);
        var path = Path.GetFullPath(projectPath, builder.AppHostDirectory);
        return builder.AddResource(new ProjectResource(name, path))
            .WithAnnotation(new EndpointAnnotation("http", "http"));
    }
}
