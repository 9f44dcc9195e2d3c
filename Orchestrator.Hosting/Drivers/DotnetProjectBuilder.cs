using Microsoft.Extensions.Logging;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Hosting.Drivers;

/// <summary>Builds projects with <c>dotnet build</c> and asks MSBuild for their <c>TargetPath</c>.</summary>
public sealed class DotnetProjectBuilder(ProjectDriverOptions options, ILogger<DotnetProjectBuilder> logger) : IProjectBuilder
{
    // Plain output for the error tail and no telemetry banner. MSBuild's own variables are removed: an
    // AppHost started by `dotnet run` or a test host inherits them, and they would steer the nested build.
    private static readonly IReadOnlyDictionary<string, string?> BuildEnvironment = new Dictionary<string, string?>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["MSBUILDTERMINALLOGGER"] = "off",
        ["MSBuildExtensionsPath"] = null,
        ["MSBuildSDKsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
    };

    /// <inheritdoc />
    public async Task BuildAsync(ProjectResource project, string configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        logger.LogInformation("Building {Resource} from {Project} ({Configuration})", project.Name, project.ProjectPath, configuration);
        var result = await RunAsync(
            project,
            ["build", project.ProjectPath, "-c", configuration, "-nologo", "-nodeReuse:false", "-tl:off", "-v:minimal"],
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new ResourceStartException(
                project.Name,
                $"dotnet build of {project.ProjectPath} failed with exit code {result.ExitCode}. Fix the build errors below.",
                result.Tail(DriverDefaults.ToolOutputTailLines));
        }
    }

    /// <inheritdoc />
    public async Task BuildAllAsync(IReadOnlyList<ProjectResource> projects, string configuration, string workingDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        var missing = projects.FirstOrDefault(p => !File.Exists(p.ProjectPath));
        if (missing is not null)
        {
            throw new ResourceStartException(
                missing.Name,
                $"The project file {missing.ProjectPath} does not exist. Fix the path given to AddProject (it is relative to the AppHost directory).",
                []);
        }

        // A generated solution (.slnx) lets one MSBuild run restore and build every project together.
        Directory.CreateDirectory(workingDirectory);
        var solution = Path.Combine(workingDirectory, "resources.slnx");
        var entries = projects.Select(p => p.ProjectPath).Distinct(StringComparer.Ordinal)
            .Select(p => $"  <Project Path=\"{System.Security.SecurityElement.Escape(Path.GetRelativePath(workingDirectory, p))}\" />");
        await File.WriteAllTextAsync(solution, $"<Solution>\n{string.Join('\n', entries)}\n</Solution>\n", cancellationToken).ConfigureAwait(false);

        logger.LogInformation("Building {Count} projects ({Configuration}): {Projects}",
            projects.Count, configuration, string.Join(", ", projects.Select(p => p.Name)));
        var result = await ExternalCommand.RunAsync(
            options.DotnetPath,
            ["build", solution, "-c", configuration, "-nologo", "-nodeReuse:false", "-tl:off", "-v:minimal"],
            workingDirectory,
            cancellationToken,
            BuildEnvironment).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new ResourceStartException(
                string.Join(", ", projects.Select(p => p.Name)),
                $"dotnet build of the projects failed with exit code {result.ExitCode}. Fix the build errors below.",
                result.Tail(DriverDefaults.ToolOutputTailLines));
        }
    }

    /// <inheritdoc />
    public async Task<string> GetTargetPathAsync(ProjectResource project, string configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        var result = await RunAsync(
            project,
            ["msbuild", project.ProjectPath, "-getProperty:TargetPath", $"-p:Configuration={configuration}", "-nologo", "-nodeReuse:false"],
            cancellationToken).ConfigureAwait(false);
        var targetPath = result.Output.LastOrDefault(line => Path.IsPathRooted(line.Trim()))?.Trim();
        return result.Succeeded && targetPath is not null
            ? targetPath
            : throw new ResourceStartException(
                project.Name,
                $"MSBuild could not tell where {project.ProjectPath} builds to (exit code {result.ExitCode}).",
                result.Tail(DriverDefaults.ToolOutputTailLines));
    }

    private Task<ExternalCommandResult> RunAsync(ProjectResource project, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (!File.Exists(project.ProjectPath))
        {
            throw new ResourceStartException(
                project.Name,
                $"The project file {project.ProjectPath} does not exist. Fix the path given to AddProject (it is relative to the AppHost directory).",
                []);
        }

        var directory = Path.GetDirectoryName(project.ProjectPath)!;
        return ExternalCommand.RunAsync(options.DotnetPath, arguments, directory, cancellationToken, BuildEnvironment);
    }
}
