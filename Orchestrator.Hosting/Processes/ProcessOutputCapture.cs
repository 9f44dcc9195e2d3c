using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// Reads a process's stdout and stderr line by line, stamps each line, keeps it in a ring buffer,
/// appends it to the log file and hands it to subscribers. One lock orders all three, so a
/// subscriber sees lines in the order the buffer holds them. Owns the two streams.
/// </summary>
internal sealed partial class ProcessOutputCapture : IDisposable
{
    private readonly LogRingBuffer _buffer;
    private readonly TimeProvider _timeProvider;
    private readonly int _maxLineLength;
    private readonly ILogger _logger;
    private readonly string _replicaName;
    private readonly Lock _gate = new();
    private SizeCappedLogFile? _file;
    private ImmutableArray<Action<LogLine>> _subscribers = [];
    private Task _reading = Task.CompletedTask;
    private Stream? _standardOutput;
    private Stream? _standardError;

    public ProcessOutputCapture(
        string replicaName, int bufferLines, SizeCappedLogFile? file, int maxLineLength, TimeProvider timeProvider, ILogger logger)
    {
        _replicaName = replicaName;
        _buffer = new LogRingBuffer(bufferLines);
        _file = file;
        _maxLineLength = maxLineLength;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Starts reading both streams until their end; they are closed on dispose.</summary>
    public void Start(Stream standardOutput, Stream standardError)
    {
        _standardOutput = standardOutput;
        _standardError = standardError;
        _reading = Task.WhenAll(Read(standardOutput, isError: false), Read(standardError, isError: true));
    }

    /// <summary>Waits until both streams have ended (all writers are gone) or <paramref name="timeout"/> has passed.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        try
        {
            await _reading.WaitAsync(timeout, _timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Something outside the group (a daemon that called setsid) still holds the pipe: stop reading.
            CloseStreams();
        }
    }

    public IReadOnlyList<LogLine> GetTail(int count) => _buffer.GetTail(count);

    public IDisposable Subscribe(Action<LogLine> onLine)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        lock (_gate)
        {
            _subscribers = _subscribers.Add(onLine);
        }

        return new Subscription(this, onLine);
    }

    /// <summary>Stops reading, closes the streams and the log file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }

        CloseStreams();
    }

    // Closing, not a cancellation token, ends a pending read: a token costs a registration per read for the pipe's whole life.
    private void CloseStreams()
    {
        _standardOutput?.Dispose();
        _standardError?.Dispose();
    }

    private Task Read(Stream stream, bool isError) =>
        new OutputLineReader(stream, _maxLineLength)
            .ReadAllAsync(text => Publish(new LogLine(_timeProvider.GetUtcNow(), isError, text)), CancellationToken.None);

    private void Publish(LogLine line)
    {
        lock (_gate)
        {
            _buffer.Add(line);
            WriteToFile(line);
            foreach (var subscriber in _subscribers)
            {
                try
                {
                    subscriber(line);
                }
                catch (Exception ex)
                {
                    LogSubscriberFailed(ex, _replicaName);
                }
            }
        }
    }

    private void WriteToFile(LogLine line)
    {
        if (_file is null)
        {
            return;
        }

        try
        {
            _file.Write(line);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full disk must not stop the process or its in-memory log: give up on the file, say so once.
            LogFileFailed(ex, _replicaName, _file.FilePath);
            _file.Dispose();
            _file = null;
        }
    }

    private void Unsubscribe(Action<LogLine> onLine)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Remove(onLine);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A log subscriber of {Replica} threw; the line was still kept")]
    private partial void LogSubscriberFailed(Exception exception, string replica);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the log file {Path} of {Replica} failed; its output is kept in memory only from now on")]
    private partial void LogFileFailed(Exception exception, string replica, string path);

    private sealed class Subscription(ProcessOutputCapture owner, Action<LogLine> onLine) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(onLine);
            }
        }
    }
}
