namespace Orchestrator.EndToEnd.Tests.Infrastructure;

/// <summary>A fresh directory for one test's state, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("orchestrator-e2e-").FullName;
        // PostgreSQL and Redis run as their own users and must reach their data directories inside.
        File.SetUnixFileMode(Path, (UnixFileMode)0b111_101_101);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
