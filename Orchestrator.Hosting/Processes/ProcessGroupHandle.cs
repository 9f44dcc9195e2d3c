using Microsoft.Extensions.Logging;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// One replica's process group, led by the program itself (see <see cref="ProcessGroupCommand"/>).
/// The exit comes from the <see cref="ChildExitWatcher"/> (an event, never a poll); once seen,
/// whatever the program left behind in its group is killed, the output is drained, and
/// <see cref="Exited"/> completes with the program's exit code.
/// </summary>
internal sealed partial class ProcessGroupHandle : IProcessHandle
{
    private readonly ProcessOutputCapture _capture;
    private readonly ProcessRunnerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Action<ProcessGroupHandle> _onFinished;
    private readonly TaskCompletionSource<ProcessExit> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private Task<ProcessExit>? _stopping;
    private volatile bool _stopRequested;
    private volatile bool _exitObserved;
    private int _disposed;

    /// <summary>Takes over a started program whose output <paramref name="capture"/> reads and whose exit <paramref name="childExit"/> reports.</summary>
    public ProcessGroupHandle(
        ProcessSpec spec,
        int processId,
        Task<int?> childExit,
        ProcessOutputCapture capture,
        ProcessRunnerOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        Action<ProcessGroupHandle> onFinished)
    {
        Spec = spec;
        ProcessId = processId;
        StartedAt = timeProvider.GetUtcNow();
        _capture = capture;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _onFinished = onFinished;
        LogStarted(Spec.ReplicaName, Spec.FileName, ProcessId);
        _ = CompleteExitAsync(childExit);
    }

    public ProcessSpec Spec { get; }

    /// <summary>The program's pid, which is also its process group's id (it was spawned with setsid and exec'd by setpriv).</summary>
    public int ProcessId { get; }

    public int ProgramProcessId => ProcessId;

    public DateTimeOffset StartedAt { get; }

    public Task<ProcessExit> Exited => _exited.Task;

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

    private async Task CompleteExitAsync(Task<int?> childExit)
    {
        var exitCode = await childExit.ConfigureAwait(false) ?? ProcessExit.UnknownExitCode;
        var exitedAt = _timeProvider.GetUtcNow();
        var stopRequested = _stopRequested;
        _exitObserved = true;
        try
        {
            // The program is gone; anything it started in its group would be an orphan (and would hold the output pipe).
            KillGroupRemnants();
            await _capture.DrainAsync(_options.OutputDrainTimeout).ConfigureAwait(false);
            _capture.Dispose();
        }
        finally
        {
            // Whatever went wrong above, waiters on the exit must not hang.
            LogExited(Spec.ReplicaName, ProcessId, exitCode, stopRequested);
            _exited.TrySetResult(new ProcessExit(exitCode, exitedAt, stopRequested));
            _onFinished(this);
        }
    }

    private void SignalGroup(ProcessSignal signal)
    {
        // After the exit the group id may be reused; remnants are handled once, by CompleteExitAsync.
        // Before, the group exists: posix_spawn returns after the child's setsid and exec.
        if (!_exitObserved)
        {
            LibC.SignalGroup(ProcessId, (int)signal);
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Replica} ({Program}) as pid {ProcessId}, leading its own process group")]
    private partial void LogStarted(string replica, string program, int processId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping {Replica} with {Signal}, killing it after {GracePeriod}")]
    private partial void LogStopping(string replica, ProcessSignal signal, TimeSpan gracePeriod);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Replica} did not stop within {GracePeriod}; killing its process group")]
    private partial void LogGraceExpired(string replica, TimeSpan gracePeriod);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Replica} (pid {ProcessId}) exited with code {ExitCode} (stop requested: {StopRequested})")]
    private partial void LogExited(string replica, int processId, int exitCode, bool stopRequested);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not kill what {Replica} left in process group {ProcessGroup}")]
    private partial void LogRemnantsSurvived(Exception exception, string replica, int processGroup);
}
