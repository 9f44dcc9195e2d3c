namespace Orchestrator.Hosting.Tests.Processes;

/// <summary>A fresh directory under /tmp, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("runner-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
