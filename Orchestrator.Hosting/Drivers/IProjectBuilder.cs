using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Hosting.Drivers;

/// <summary>Builds .NET projects and finds their output.</summary>
public interface IProjectBuilder
{
    /// <summary>Builds the project.</summary>
    /// <exception cref="ResourceStartException">The build failed; the exception carries the tail of its output.</exception>
    Task BuildAsync(ProjectResource project, string configuration, CancellationToken cancellationToken);

    /// <summary>The path of the assembly the build produces (MSBuild's <c>TargetPath</c>), whether it exists or not.</summary>
    /// <exception cref="ResourceStartException">MSBuild could not evaluate the project.</exception>
    Task<string> GetTargetPathAsync(ProjectResource project, string configuration, CancellationToken cancellationToken);

    /// <summary>Builds several projects in one build: shared references build once, projects in parallel.</summary>
    /// <exception cref="ResourceStartException">The build failed; the exception carries the tail of its output.</exception>
    Task BuildAllAsync(IReadOnlyList<ProjectResource> projects, string configuration, string workingDirectory, CancellationToken cancellationToken);
}
