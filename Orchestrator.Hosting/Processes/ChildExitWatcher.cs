using System.ComponentModel;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// Observes the exit of every child of a runner on one dedicated thread, blocked in <c>epoll_wait</c>
/// on the children's pidfds: an exit is seen the moment the kernel reports it, with no poll and no
/// thread per child. The thread reaps each exited child with <c>waitid(P_PIDFD)</c> (.NET only reaps
/// the children it started through <see cref="System.Diagnostics.Process"/>), closes its pidfd and
/// completes its task with the exit code.
/// </summary>
internal sealed partial class ChildExitWatcher : IDisposable
{
    private const int EventsPerWait = 64;

    private readonly EpollSet _epoll = new(EventsPerWait);
    private readonly Dictionary<ulong, Registration> _registrations = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _reapTimeoutOnDispose;
    private readonly ILogger _logger;
    private ulong _nextKey = 1;
    private long _disposedAt;
    private bool _disposing;
    private bool _stopped;

    /// <summary>Starts the watcher's thread.</summary>
    /// <param name="name">The thread's name.</param>
    /// <param name="reapTimeoutOnDispose">How long the thread still reaps children after <see cref="Dispose"/> (they are being killed).</param>
    /// <param name="timeProvider">Times the reap timeout.</param>
    /// <param name="logger">Where exits that cannot be known are reported.</param>
    public ChildExitWatcher(string name, TimeSpan reapTimeoutOnDispose, TimeProvider timeProvider, ILogger logger)
    {
        _reapTimeoutOnDispose = reapTimeoutOnDispose;
        _timeProvider = timeProvider;
        _logger = logger;
        new Thread(Run)
        {
            Name = name,
            IsBackground = true,
        }.Start();
    }

    /// <summary>
    /// Watches the child <paramref name="processId"/> through <paramref name="pidFd"/>, which the watcher
    /// now owns. The task completes with the exit code, or null when it cannot be known (someone else
    /// reaped the child: <paramref name="pidFd"/> is null then, or the watcher has stopped).
    /// </summary>
    public Task<int?> Watch(int processId, SafeFileDescriptor? pidFd)
    {
        if (pidFd is null)
        {
            LogReapedElsewhere(processId);
            return Task.FromResult<int?>(null);
        }

        var registration = new Registration(processId, pidFd);
        lock (_gate)
        {
            if (_stopped)
            {
                pidFd.Dispose();
                LogWatcherStopped(processId);
                return Task.FromResult<int?>(null);
            }

            var key = _nextKey++;
            _registrations.Add(key, registration);
            try
            {
                // epoll_ctl is safe while the thread waits; a child that has exited already is reported at once.
                _epoll.AddReadable(pidFd, key);
            }
            catch
            {
                _registrations.Remove(key);
                pidFd.Dispose();
                throw;
            }
        }

        return registration.Exit.Task;
    }

    /// <summary>
    /// Lets the thread end once every watched child is reaped, or after the reap timeout (then the
    /// rest complete with an unknown exit code). Returns at once.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposing)
            {
                return;
            }

            _disposing = true;
            _disposedAt = _timeProvider.GetTimestamp();
        }

        _epoll.Wake();
    }

    private void Run()
    {
        Span<ulong> keys = stackalloc ulong[EventsPerWait];
        try
        {
            int timeout;
            while ((timeout = NextTimeout()) != 0)
            {
                var count = _epoll.Wait(keys, timeout);
                foreach (var key in keys[..count])
                {
                    Reap(key);
                }
            }
        }
        catch (Exception ex)
        {
            // A background thread must not take the AppHost down; the runner's waiters are released below.
            LogWatcherFailed(ex);
        }
        finally
        {
            Stop();
        }
    }

    // -1 (wait for ever) while running; after dispose, what is left of the reap timeout, 0 once done.
    private int NextTimeout()
    {
        lock (_gate)
        {
            if (!_disposing)
            {
                return -1;
            }

            var left = _reapTimeoutOnDispose - _timeProvider.GetElapsedTime(_disposedAt);
            return _registrations.Count == 0 || left <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(left.TotalMilliseconds);
        }
    }

    private void Reap(ulong key)
    {
        Registration? registration;
        lock (_gate)
        {
            if (!_registrations.TryGetValue(key, out registration))
            {
                return;
            }
        }

        bool reaped;
        int? exitCode;
        try
        {
            reaped = PidFd.TryReap(registration.PidFd, out exitCode);
            if (reaped && exitCode is null)
            {
                LogReapedElsewhere(registration.ProcessId);
            }
        }
        catch (Win32Exception ex)
        {
            // One child's failure must not stop the watch over the others.
            LogReapFailed(ex, registration.ProcessId);
            (reaped, exitCode) = (true, null);
        }

        if (!reaped)
        {
            return;
        }

        lock (_gate)
        {
            _registrations.Remove(key);
        }

        // Closing the pidfd also takes it out of the epoll set.
        registration.PidFd.Dispose();
        registration.Exit.TrySetResult(exitCode);
    }

    private void Stop()
    {
        Registration[] left;
        lock (_gate)
        {
            _stopped = true;
            left = [.. _registrations.Values];
            _registrations.Clear();
        }

        foreach (var registration in left)
        {
            registration.PidFd.Dispose();
            LogWatcherStopped(registration.ProcessId);
            registration.Exit.TrySetResult(null);
        }

        _epoll.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Child {ProcessId} was reaped by someone else, so its exit code is unknown (was SIGCHLD ignored when the AppHost started?)")]
    private partial void LogReapedElsewhere(int processId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The exit watcher has stopped before child {ProcessId} was reaped; its exit code is unknown")]
    private partial void LogWatcherStopped(int processId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reaping child {ProcessId} failed; its exit code is unknown")]
    private partial void LogReapFailed(Exception exception, int processId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The exit watcher failed; exits of running children are no longer observed")]
    private partial void LogWatcherFailed(Exception exception);

    private sealed record Registration(int ProcessId, SafeFileDescriptor PidFd)
    {
        public TaskCompletionSource<int?> Exit { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
