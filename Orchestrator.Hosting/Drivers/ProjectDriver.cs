using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Health;
using Orchestrator.Hosting.Orchestration;
using Orchestrator.Hosting.Processes;

namespace Orchestrator.Hosting.Drivers;

/// <summary>
/// Runs a <see cref="ProjectResource"/>: builds it once per launch (however many replicas, however
/// often <see cref="PrepareAsync"/> is called), then runs <c>dotnet {TargetPath}</c> in the project's
/// directory. <see cref="ProjectDriverOptions.SkipBuildVariable"/> skips the build.
/// </summary>
public sealed class ProjectDriver(
    IProjectBuilder builder,
    ProjectDriverOptions options,
    HttpHealthCheckProbeFactory httpProbes,
    ILogger<ProjectDriver> logger) : IBatchPreparingDriver
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _targetPaths = new(StringComparer.Ordinal);

    // Projects usually share a ServiceDefaults project: two builds at once would race on its obj/ folder.
    private readonly SemaphoreSlim _buildGate = new(1, 1);

    // Projects already built by PrepareAllAsync in this launch: their own prepare only looks up the output.
    private readonly ConcurrentDictionary<string, bool> _built = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task PrepareAllAsync(IReadOnlyList<IResource> resources, ResourceRuntimeContext runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(runtime);
        var projects = resources.Cast<ProjectResource>().Where(p => !_built.ContainsKey(p.ProjectPath)).ToList();
        if (options.SkipBuild || projects.Count == 0)
        {
            return;
        }

        await _buildGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await builder.BuildAllAsync(projects, options.Configuration, Path.Combine(runtime.StateDirectory, "build"), cancellationToken).ConfigureAwait(false);
            foreach (var project in projects)
            {
                _built[project.ProjectPath] = true;
            }
        }
        finally
        {
            _buildGate.Release();
        }
    }

    /// <inheritdoc />
    public bool CanRun(IResource resource) => resource is ProjectResource;

    /// <inheritdoc />
    /// <exception cref="ResourceStartException">The build failed (with its output tail), or its output is missing.</exception>
    public async Task PrepareAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken)
    {
        var project = (ProjectResource)resource;
        var targetPath = _targetPaths.GetOrAdd(
            project.ProjectPath,
            _ => new Lazy<Task<string>>(() => BuildAsync(project, cancellationToken)));
        try
        {
            await targetPath.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A failed or cancelled build is not remembered: the next launch attempt builds again.
            _targetPaths.TryRemove(KeyValuePair.Create(project.ProjectPath, targetPath));
            throw;
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException"><see cref="PrepareAsync"/> has not completed for the project.</exception>
    public ProcessSpec? CreateProcessSpec(ReplicaContext replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var project = (ProjectResource)replica.Resource;
        if (!_targetPaths.TryGetValue(project.ProjectPath, out var targetPath)
            || !targetPath.IsValueCreated
            || !targetPath.Value.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException(
                $"Project '{project.Name}' has not been built: PrepareAsync must complete before its replicas start.");
        }

        return new ProcessSpec(
            replica.ReplicaName,
            options.DotnetPath,
            [targetPath.Value.Result, .. replica.GetCommandLineArgs()],
            Path.GetDirectoryName(project.ProjectPath)!,
            new Dictionary<string, string>())
        {
            LogFilePath = replica.GetLogFilePath(),
        };
    }

    /// <inheritdoc />
    public IHealthProbe? CreateHealthProbe(ReplicaContext replica) => httpProbes.Create(replica);

    /// <inheritdoc />
    public Task OnHealthyAsync(IResource resource, ResourceRuntimeContext runtime, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<string> BuildAsync(ProjectResource project, CancellationToken cancellationToken)
    {
        await _buildGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (options.SkipBuild || _built.ContainsKey(project.ProjectPath))
            {
                logger.LogDebug("Not building {Resource} again: {Reason}", project.Name,
                    options.SkipBuild ? ProjectDriverOptions.SkipBuildVariable + " is set" : "built with the other projects");
            }
            else
            {
                await builder.BuildAsync(project, options.Configuration, cancellationToken).ConfigureAwait(false);
            }

            var targetPath = await builder.GetTargetPathAsync(project, options.Configuration, cancellationToken).ConfigureAwait(false);
            if (!File.Exists(targetPath))
            {
                throw new ResourceStartException(
                    project.Name,
                    options.SkipBuild
                        ? $"{targetPath} does not exist and {ProjectDriverOptions.SkipBuildVariable} skipped the build. Build the project ({options.Configuration}) or unset the variable."
                        : $"The build succeeded but {targetPath} does not exist.",
                    []);
            }

            return targetPath;
        }
        finally
        {
            _buildGate.Release();
        }
    }
}
