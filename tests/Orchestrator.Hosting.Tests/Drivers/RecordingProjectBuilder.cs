using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.Hosting.Tests.Drivers;

/// <summary>A project builder that counts builds, can be told to fail, and "builds" an empty file at the target path.</summary>
internal sealed class RecordingProjectBuilder(string targetPath) : IProjectBuilder
{
    private int _builds;

    public int Builds => Volatile.Read(ref _builds);

    public int FailuresLeft { get; set; }

    public TaskCompletionSource? Gate { get; set; }

    public async Task BuildAsync(ProjectResource project, string configuration, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _builds);
        if (Gate is not null)
        {
            await Gate.Task.WaitAsync(cancellationToken);
        }

        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new ResourceStartException(project.Name, "build failed", ["error CS1002: ; expected"]);
        }

        File.WriteAllText(targetPath, "");
    }

    public List<IReadOnlyList<string>> BatchBuilds { get; } = [];

    public Task BuildAllAsync(IReadOnlyList<ProjectResource> projects, string configuration, string workingDirectory, CancellationToken cancellationToken)
    {
        BatchBuilds.Add(projects.Select(p => p.Name).ToList());
        File.WriteAllText(targetPath, "");
        return Task.CompletedTask;
    }

    public Task<string> GetTargetPathAsync(ProjectResource project, string configuration, CancellationToken cancellationToken) =>
        Task.FromResult(targetPath);
}
