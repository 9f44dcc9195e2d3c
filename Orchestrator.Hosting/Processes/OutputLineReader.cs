using System.Text;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// Splits a stream of text into lines: on <c>\n</c> (a trailing <c>\r</c> is dropped), and every
/// <c>maxLineLength</c> characters, so one endless line cannot fill memory. Reads until end of stream.
/// </summary>
internal sealed class OutputLineReader(TextReader reader, int maxLineLength)
{
    private readonly StringBuilder _line = new();

    /// <summary>Reads to the end, calling <paramref name="onLine"/> for each line; a last line without newline counts too.</summary>
    public async Task ReadAllAsync(Action<string> onLine, CancellationToken cancellationToken)
    {
        // Small: the reader below buffers too, and a thousand replicas each hold two of these while they wait.
        var buffer = new char[256];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
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

        if (_line.Length > 0)
        {
            Emit(onLine);
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
