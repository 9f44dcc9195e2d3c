using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// One replica's process group, led by the wrapper that <see cref="ProcessGroupWrapper"/> builds.
/// The exit is observed through <see cref="Process.Exited"/> (an event, never a poll); once seen,
/// whatever the program left behind in its group is killed, the output is drained, and
/// <see cref="Exited"/> completes with the program's exit code.
/// </summary>
internal sealed partial class ProcessGroupHandle : IProcessHandle
{
    private readonly Process _process;
    private readonly ProcessOutputCapture _capture;
    private readonly ProcessRunnerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Action<ProcessGroupHandle> _onFinished;
    private readonly TaskCompletionSource<ProcessExit> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private Task<ProcessExit>? _stopping;
    private volatile bool _stopRequested;
    private volatile bool _exitObserved;
    private int _disposed;

    public ProcessGroupHandle(
        ProcessSpec spec,
        Process process,
        ProcessOutputCapture capture,
        ProcessRunnerOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        Action<ProcessGroupHandle> onFinished)
    {
        Spec = spec;
        _process = process;
        _capture = capture;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _onFinished = onFinished;

        // Both before the start: an exit that comes at once must still raise the event.
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _ = CompleteExitAsync();
    }

    public ProcessSpec Spec { get; }

    public int ProcessId { get; private set; }

    public int ProgramProcessId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public Task<ProcessExit> Exited => _exited.Task;

    /// <summary>
    /// Runs once the wrapper has been started: reads the program's pid (the first line of stdout)
    /// and starts capturing output.
    /// </summary>
    /// <exception cref="ProcessStartException">The wrapper did not report the program; the group is killed.</exception>
    public async Task InitializeAsync()
    {
        ProcessId = _process.Id;
        StartedAt = _timeProvider.GetUtcNow();
        var programProcessId = await ReadProgramProcessIdAsync().ConfigureAwait(false);

        // The wrapper reads nothing; closing its stdin now keeps it from holding the AppHost's terminal.
        _process.StandardInput.Close();
        _capture.Start(_process.StandardOutput, _process.StandardError);
        _ready.TrySetResult();

        if (programProcessId is null)
        {
            var exit = await _exited.Task.ConfigureAwait(false);
            var output = string.Join(Environment.NewLine, _capture.GetTail(20).Select(l => l.Text));
            throw new ProcessStartException(
                $"Cannot start '{Spec.ReplicaName}': its wrapper ended before running '{Spec.FileName}' (exit code {exit.ExitCode}). {output}".TrimEnd());
        }

        ProgramProcessId = programProcessId.Value;
        LogStarted(Spec.ReplicaName, Spec.FileName, ProgramProcessId, ProcessId);
    }

    public IReadOnlyList<LogLine> GetLogTail(int count) => _capture.GetTail(count);

    public IDisposable SubscribeToLogs(Action<LogLine> onLine) => _capture.Subscribe(onLine);

    public async Task<ProcessExit> StopAsync(CancellationToken cancellationToken = default)
    {
        if (_exited.Task.IsCompleted)
        {
            return await _exited.Task.ConfigureAwait(false);
        }

        Task<ProcessExit> stopping;
        lock (_gate)
        {
            _stopRequested = true;
            stopping = _stopping ??= StopGracefullyThenKillAsync();
        }

        try
        {
            return await stopping.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller will not wait for the grace period: the group must still not outlive it.
            SignalGroup(ProcessSignal.Kill);
            throw;
        }
    }

    public void Signal(ProcessSignal signal) => SignalGroup(signal);

    /// <summary>Kills the whole group at once (the runner's safety net on shutdown).</summary>
    public void Kill()
    {
        _stopRequested = true;
        SignalGroup(ProcessSignal.Kill);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task<int?> ReadProgramProcessIdAsync()
    {
        var reading = _process.StandardOutput.ReadLineAsync();
        try
        {
            var line = await reading.WaitAsync(_options.ProgramStartTimeout, _timeProvider).ConfigureAwait(false);
            if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return pid;
            }

            // Not the pid line: something is wrong with the wrapper; do not let it run unobserved.
            SignalGroup(ProcessSignal.Kill);
            return null;
        }
        catch (TimeoutException)
        {
            // Killing the group ends the wrapper and, with the pipe closed, the pending read.
            LogWrapperSilent(Spec.ReplicaName, _options.ProgramStartTimeout);
            SignalGroup(ProcessSignal.Kill);
            await reading.ConfigureAwait(false);
            return null;
        }
    }

    private async Task<ProcessExit> StopGracefullyThenKillAsync()
    {
        LogStopping(Spec.ReplicaName, Spec.StopSignal, Spec.StopGracePeriod);
        SignalGroup(Spec.StopSignal);
        try
        {
            return await _exited.Task.WaitAsync(Spec.StopGracePeriod, _timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogGraceExpired(Spec.ReplicaName, Spec.StopGracePeriod);
            SignalGroup(ProcessSignal.Kill);
            return await _exited.Task.ConfigureAwait(false);
        }
    }

    private async Task CompleteExitAsync()
    {
        var exitedAt = _timeProvider.GetUtcNow();
        var stopRequested = _stopRequested;
        _exitObserved = true;
        var exitCode = _process.ExitCode;
        try
        {
            await _ready.Task.ConfigureAwait(false);

            // The program is gone; anything it started in its group would be an orphan (and would hold the output pipe).
            KillGroupRemnants();
            await _capture.DrainAsync(_options.OutputDrainTimeout).ConfigureAwait(false);
            _capture.Dispose();
        }
        finally
        {
            // Whatever went wrong above, waiters on the exit must not hang.
            LogExited(Spec.ReplicaName, ProgramProcessId, exitCode, stopRequested);
            _exited.TrySetResult(new ProcessExit(exitCode, exitedAt, stopRequested));
            _onFinished(this);
        }
    }

    private void SignalGroup(ProcessSignal signal)
    {
        // After the exit the group id may be reused; remnants are handled once, by CompleteExitAsync.
        if (_exitObserved || ProcessId <= 1)
        {
            return;
        }

        LibC.SignalGroup(ProcessId, (int)signal);
    }

    private void KillGroupRemnants()
    {
        try
        {
            LibC.SignalGroup(ProcessId, (int)ProcessSignal.Kill);
        }
        catch (InvalidOperationException ex)
        {
            LogRemnantsSurvived(ex, Spec.ReplicaName, ProcessId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Replica} ({Program}) as pid {ProcessId} in process group {ProcessGroup}")]
    private partial void LogStarted(string replica, string program, int processId, int processGroup);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping {Replica} with {Signal}, killing it after {GracePeriod}")]
    private partial void LogStopping(string replica, ProcessSignal signal, TimeSpan gracePeriod);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Replica} did not stop within {GracePeriod}; killing its process group")]
    private partial void LogGraceExpired(string replica, TimeSpan gracePeriod);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Replica} (pid {ProcessId}) exited with code {ExitCode} (stop requested: {StopRequested})")]
    private partial void LogExited(string replica, int processId, int exitCode, bool stopRequested);

    [LoggerMessage(Level = LogLevel.Error, Message = "The wrapper of {Replica} did not report its program within {Timeout}; killed it")]
    private partial void LogWrapperSilent(string replica, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not kill what {Replica} left in process group {ProcessGroup}")]
    private partial void LogRemnantsSurvived(Exception exception, string replica, int processGroup);
}
