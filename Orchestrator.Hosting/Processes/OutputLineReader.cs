using System.Text;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// Splits a stream of UTF-8 bytes into lines: on <c>\n</c> (a trailing <c>\r</c> is dropped), and every
/// <c>maxLineLength</c> characters, so one endless line cannot fill memory. Reads until end of stream.
/// Bytes that are not UTF-8 become U+FFFD, as they did through a <see cref="StreamReader"/>.
/// Reads until end of stream, or quietly stops when the stream is closed or the read cancelled.
/// </summary>
internal sealed class OutputLineReader(Stream stream, int maxLineLength)
{
    // Small, and the only buffer: a thousand quiet replicas each hold two while they wait for output.
    private const int BufferSize = 256;

    // Keeps a character split across two reads until its last byte arrives; replaces invalid bytes with U+FFFD.
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _line = new();

    /// <summary>
    /// Reads to the end, calling <paramref name="onLine"/> for each line; a last line without newline
    /// counts too. Completes without an exception when the stream is closed under it or the read is cancelled.
    /// </summary>
    public async Task ReadAllAsync(Action<string> onLine, CancellationToken cancellationToken)
    {
        // Output already waiting would otherwise be read on the caller's thread, before it has returned.
        await Task.Yield();
        var buffer = new byte[BufferSize];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                Decode(buffer.AsSpan(0, read), flush: false, onLine);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The process is gone and its pipe closed under us, or the caller gave up: nothing more to read.
            return;
        }

        Decode([], flush: true, onLine);
        if (_line.Length > 0)
        {
            Emit(onLine);
        }
    }

    private void Decode(ReadOnlySpan<byte> bytes, bool flush, Action<string> onLine)
    {
        Span<char> chars = stackalloc char[BufferSize];
        bool completed;
        do
        {
            _decoder.Convert(bytes, chars, flush, out var bytesUsed, out var charsUsed, out completed);
            bytes = bytes[bytesUsed..];
            Split(chars[..charsUsed], onLine);
        }
        while (!completed);
    }

    private void Split(ReadOnlySpan<char> chars, Action<string> onLine)
    {
        foreach (var c in chars)
        {
            if (c == '\n')
            {
                Emit(onLine);
                continue;
            }

            _line.Append(c);
            if (_line.Length >= maxLineLength)
            {
                Emit(onLine);
            }
        }
    }

    private void Emit(Action<string> onLine)
    {
        var length = _line.Length > 0 && _line[^1] == '\r' ? _line.Length - 1 : _line.Length;
        var text = _line.ToString(0, length);
        _line.Clear();
        onLine(text);
    }
}
