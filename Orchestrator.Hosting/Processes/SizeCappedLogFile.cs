using System.Globalization;
using System.Text;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// Appends output lines to a file and keeps it under a size: when the next line would pass
/// <c>maxBytes</c>, the file moves to <c>{path}.1</c> (replacing an older one) and a new file begins,
/// so a replica's logs on disk never exceed about twice the cap. The directory is created as needed.
/// Each line is flushed at once, so the file is current when a process crashes. Not thread-safe.
/// </summary>
public sealed class SizeCappedLogFile : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _path;
    private readonly long _maxBytes;
    private FileStream? _stream;

    /// <summary>Opens (or creates) the file at <paramref name="path"/> for appending.</summary>
    public SizeCappedLogFile(string path, long maxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _path = Path.GetFullPath(path);
        _maxBytes = maxBytes;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        _stream = Open(_path);
    }

    /// <summary>The file being written.</summary>
    public string FilePath => _path;

    /// <summary>Where the previous file goes on rotation.</summary>
    public string RotatedPath => _path + ".1";

    /// <summary>Appends one line as <c>{timestamp} [out|err] {text}</c>.</summary>
    public void Write(LogLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        ObjectDisposedException.ThrowIf(_stream is null, this);
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{line.Timestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {(line.IsError ? "[err]" : "[out]")} {line.Text}\n");
        var bytes = Utf8.GetBytes(text);
        if (_stream.Length > 0 && _stream.Length + bytes.Length > _maxBytes)
        {
            Rotate();
        }

        _stream!.Write(bytes);
        _stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
    }

    private void Rotate()
    {
        _stream!.Dispose();
        File.Move(_path, RotatedPath, overwrite: true);
        _stream = Open(_path);
    }

    // Output can carry what a program prints about its secrets: only the AppHost's user reads it.
    private static FileStream Open(string path) => new(path, new FileStreamOptions
    {
        Mode = FileMode.Append,
        Access = FileAccess.Write,
        Share = FileShare.ReadWrite | FileShare.Delete,
        UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
    });
}
