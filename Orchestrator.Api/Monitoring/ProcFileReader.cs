using System.Text;

namespace Orchestrator.Api.Monitoring;

/// <summary>Reads /proc files from the real file system.</summary>
/// <remarks>
/// The monitor reads two of them per replica and check (a thousand replicas: 400 reads a second).
/// <see cref="File.ReadAllText(string)"/> allocates a stream, a reader and their 4 KB buffers for
/// each; these files are small, so they are read into a stack buffer in one call instead.
/// </remarks>
public sealed class ProcFileReader : IProcFileReader
{
    private const int StackBufferBytes = 4096;

    /// <inheritdoc />
    public string? ReadText(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return ReadSmall(path) ?? File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            // A process can exit between two reads; that is not the sampler's problem (exits are events).
            return null;
        }
    }

    // The text when it fits the buffer, null when it may not (then it is read the ordinary way).
    private static string? ReadSmall(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        Span<byte> buffer = stackalloc byte[StackBufferBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = RandomAccess.Read(handle, buffer[length..], length)) > 0)
        {
            length += read;
        }

        return length < buffer.Length ? Encoding.UTF8.GetString(buffer[..length]) : null;
    }
}
