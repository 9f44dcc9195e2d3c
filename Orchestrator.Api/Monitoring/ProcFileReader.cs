namespace Orchestrator.Api.Monitoring;

/// <summary>Reads /proc files from the real file system.</summary>
public sealed class ProcFileReader : IProcFileReader
{
    /// <inheritdoc />
    public string? ReadText(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            // A process can exit between two reads; that is not the sampler's problem (exits are events).
            return null;
        }
    }
}
