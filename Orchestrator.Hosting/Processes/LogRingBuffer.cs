namespace Orchestrator.Hosting.Processes;

/// <summary>
/// The latest output lines of one process, at most <see cref="Capacity"/>: the oldest line is dropped
/// when a new one arrives, so a chatty replica costs a fixed amount of memory. The array grows with
/// the output up to the capacity, so a quiet replica (most of a thousand) costs almost nothing.
/// Thread-safe.
/// </summary>
public sealed class LogRingBuffer
{
    private const int InitialSize = 16;

    private readonly int _capacity;
    private readonly Lock _gate = new();
    private LogLine[] _lines = [];
    private int _next;
    private int _count;

    /// <summary>Creates an empty buffer that keeps at most <paramref name="capacity"/> lines.</summary>
    public LogRingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>The most lines the buffer keeps.</summary>
    public int Capacity => _capacity;

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
            if (_count == _lines.Length && _lines.Length < _capacity)
            {
                // Nothing was dropped yet, so the lines sit in order at 0.._count-1; _next had wrapped to 0.
                Array.Resize(ref _lines, Math.Min(_capacity, Math.Max(InitialSize, _lines.Length * 2)));
                _next = _count;
            }

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
