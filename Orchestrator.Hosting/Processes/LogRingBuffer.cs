namespace Orchestrator.Hosting.Processes;

/// <summary>
/// The latest output lines of one process, at most <see cref="Capacity"/>: the oldest line is dropped
/// when a new one arrives, so a chatty replica costs a fixed amount of memory. Thread-safe.
/// </summary>
public sealed class LogRingBuffer
{
    private readonly LogLine[] _lines;
    private readonly Lock _gate = new();
    private int _next;
    private int _count;

    /// <summary>Creates an empty buffer that keeps at most <paramref name="capacity"/> lines.</summary>
    public LogRingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _lines = new LogLine[capacity];
    }

    /// <summary>The most lines the buffer keeps.</summary>
    public int Capacity => _lines.Length;

    /// <summary>How many lines it holds now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Appends a line, dropping the oldest when full.</summary>
    public void Add(LogLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            _lines[_next] = line;
            _next = (_next + 1) % _lines.Length;
            _count = Math.Min(_count + 1, _lines.Length);
        }
    }

    /// <summary>The latest lines, oldest first, at most <paramref name="count"/>.</summary>
    public IReadOnlyList<LogLine> GetTail(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            var take = Math.Min(count, _count);
            var tail = new LogLine[take];
            var start = _next - take + _lines.Length;
            for (var i = 0; i < take; i++)
            {
                tail[i] = _lines[(start + i) % _lines.Length];
            }

            return tail;
        }
    }
}
