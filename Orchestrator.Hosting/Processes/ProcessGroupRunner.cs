using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// Runs each replica in its own process group, led by the program itself (see
/// <see cref="ProcessGroupCommand"/>), so that a stop reaches the program and everything it started,
/// and nothing outlives the AppHost: every program is spawned from one long-lived thread and gets a
/// parent-death signal, and one <see cref="ProcessGroupReaper"/> kills the groups' other members, so
/// even a SIGKILL of the AppHost takes the groups down. Programs are started with
/// <see cref="NativeSpawn"/> (no <see cref="System.Diagnostics.Process"/> and its buffers per replica),
/// their exits seen by one <see cref="ChildExitWatcher"/> thread and their output read without a
/// thread per pipe. Disposing the runner kills every group still running. The only code that touches processes.
/// </summary>
public sealed partial class ProcessGroupRunner : IProcessRunner, IAsyncDisposable, IDisposable
{
    private readonly ProcessRunnerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ProcessGroupCommand _command;
    private readonly ProcessStartThread _startThread;
    private readonly ChildExitWatcher _exitWatcher;
    private readonly Lazy<ProcessGroupReaper> _reaper;
    private readonly HashSet<ProcessGroupHandle> _running = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Creates a runner and its start thread.</summary>
    /// <exception cref="InvalidOperationException">setpriv is missing.</exception>
    public ProcessGroupRunner(
        ProcessRunnerOptions? options = null, TimeProvider? timeProvider = null, ILogger<ProcessGroupRunner>? logger = null)
    {
        _options = options ?? new ProcessRunnerOptions();
        _options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _command = ProcessGroupCommand.Locate();
        _startThread = new ProcessStartThread("process-group-runner");
        _exitWatcher = new ChildExitWatcher("process-exit-watcher", _options.DisposeTimeout, _timeProvider, _logger);
        _reaper = new Lazy<ProcessGroupReaper>(() => ProcessGroupReaper.Start(_logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>How many process groups this runner has started that have not exited yet.</summary>
    public int RunningCount
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    /// <inheritdoc />
    public async Task<IProcessHandle> StartAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrEmpty(spec.FileName);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();

        var programPath = ResolveProgram(spec);
        var runAsUser = ResolveRunAsUser(spec);
        var request = _command.CreateRequest(spec, programPath, runAsUser);
        var reaper = _reaper.Value;
        var logFile = OpenLogFile(spec);
        SpawnedProcess child;
        try
        {
            child = await _startThread.RunAsync(() => NativeSpawn.Spawn(request), cancellationToken).ConfigureAwait(false);
        }
        catch (Win32Exception ex)
        {
            logFile?.Dispose();
            throw new ProcessStartException($"Cannot start '{spec.ReplicaName}' ({spec.FileName}) in '{spec.WorkingDirectory}': {ex.Message}", ex);
        }
        catch
        {
            logFile?.Dispose();
            throw;
        }

        reaper.Watch(child.ProcessId);
        var capture = new ProcessOutputCapture(
            spec.ReplicaName, _options.LogBufferLines, logFile, _options.MaxLineLength, _timeProvider, _logger);
        capture.Start(child.StandardOutput, child.StandardError);
        Task<int?> childExit;
        try
        {
            childExit = _exitWatcher.Watch(child.ProcessId, child.PidFd);
        }
        catch (Exception ex)
        {
            // Its exit could not be observed: it must not run unsupervised.
            LibC.SignalGroup(child.ProcessId, (int)ProcessSignal.Kill);
            reaper.Forget(child.ProcessId);
            capture.Dispose();
            throw new ProcessStartException($"Cannot supervise '{spec.ReplicaName}' ({spec.FileName}): {ex.Message}", ex);
        }

        var handle = new ProcessGroupHandle(spec, child.ProcessId, childExit, capture, _options, _timeProvider, _logger, OnFinished);
        Track(handle);
        return handle;
    }

    /// <summary>Kills every group still running and waits (up to the dispose timeout) until they are reaped.</summary>
    public async ValueTask DisposeAsync()
    {
        var running = StopAccepting();
        if (running.Length > 0)
        {
            LogKillingAll(running.Length);
            foreach (var handle in running)
            {
                handle.Kill();
            }

            try
            {
                await Task.WhenAll(running.Select(h => h.Exited)).WaitAsync(_options.DisposeTimeout, _timeProvider).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                LogDisposeTimedOut(_options.DisposeTimeout);
            }
        }

        _startThread.Dispose();
        _exitWatcher.Dispose();
        DisposeReaper();
    }

    /// <summary>Kills every group still running without waiting for them to be reaped (the exit watcher still reaps them for a while).</summary>
    public void Dispose()
    {
        foreach (var handle in StopAccepting())
        {
            handle.Kill();
        }

        _startThread.Dispose();
        _exitWatcher.Dispose();
        DisposeReaper();
    }

    // Whatever is still listed (groups killed but not reaped yet) gets one more SIGKILL from it.
    private void DisposeReaper()
    {
        if (_reaper.IsValueCreated)
        {
            _reaper.Value.Dispose();
        }
    }

    private ProcessGroupHandle[] StopAccepting()
    {
        lock (_gate)
        {
            _disposed = true;
            return [.. _running];
        }
    }

    private void Track(ProcessGroupHandle handle)
    {
        bool disposed;
        lock (_gate)
        {
            disposed = _disposed;
            if (!disposed && !handle.Exited.IsCompleted)
            {
                _running.Add(handle);
            }
        }

        // Disposed while this one was starting: it must not escape the safety net.
        if (disposed)
        {
            handle.Kill();
        }
    }

    private void OnFinished(ProcessGroupHandle handle)
    {
        lock (_gate)
        {
            _running.Remove(handle);
        }

        _reaper.Value.Forget(handle.ProcessId);
    }

    private static string ResolveProgram(ProcessSpec spec)
    {
        if (!Directory.Exists(spec.WorkingDirectory))
        {
            throw new ProcessStartException(
                $"Cannot start '{spec.ReplicaName}': its working directory '{spec.WorkingDirectory}' does not exist.");
        }

        // The program is found on the PATH it will itself see.
        var searchPath = spec.Environment.TryGetValue("PATH", out var path)
            ? path
            : spec.RemovedVariables.Contains("PATH") ? null : Environment.GetEnvironmentVariable("PATH");
        return ProgramResolver.Resolve(spec.FileName, spec.WorkingDirectory, searchPath, spec.ReplicaName);
    }

    private static string? ResolveRunAsUser(ProcessSpec spec)
    {
        // Only root can change user; an unprivileged AppHost runs everything as itself.
        if (spec.RunAsUser is null || !LibC.IsRoot)
        {
            return null;
        }

        return LibC.UserExists(spec.RunAsUser)
            ? spec.RunAsUser
            : throw new ProcessStartException(
                $"Cannot start '{spec.ReplicaName}' as user '{spec.RunAsUser}': there is no such user. Create it (useradd --system {spec.RunAsUser}) or run as another.");
    }

    private SizeCappedLogFile? OpenLogFile(ProcessSpec spec)
    {
        if (spec.LogFilePath is null)
        {
            return null;
        }

        try
        {
            return new SizeCappedLogFile(spec.LogFilePath, _options.LogFileMaxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ProcessStartException(
                $"Cannot start '{spec.ReplicaName}': its log file '{spec.LogFilePath}' cannot be written ({ex.Message}).", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Killing {Count} process groups still running")]
    private partial void LogKillingAll(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Killed process groups were not reaped within {Timeout}")]
    private partial void LogDisposeTimedOut(TimeSpan timeout);
}
