using System.Collections.Concurrent;

namespace Orchestrator.Hosting.Processes;

/// <summary>
/// The one long-lived thread that spawns every child of a runner. A child's parent-death signal
/// (<c>setpriv --pdeathsig</c>) fires when the <em>thread</em> that forked it ends, not the process:
/// a child forked from a thread-pool thread would be killed whenever the pool retires that thread.
/// This thread lives as long as the runner, so the signal fires only when the AppHost dies
/// (or the runner is disposed, which kills its groups anyway).
/// </summary>
internal sealed class ProcessStartThread : IDisposable
{
    private readonly BlockingCollection<Action> _requests = new();
    private readonly Thread _thread;
    private int _disposed;

    public ProcessStartThread(string name)
    {
        _thread = new Thread(Serve)
        {
            Name = name,
            // A background thread never keeps the AppHost alive; when the AppHost goes, so do the children.
            IsBackground = true,
        };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="start"/> on the start thread; completes with what it returns, or its exception.</summary>
    /// <exception cref="ObjectDisposedException">The runner is shutting down.</exception>
    public Task<T> RunAsync<T>(Func<T> start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Run()
        {
            // Cancelled while queued: nothing was started, so nothing can leak.
            if (cancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                completion.TrySetResult(start());
            }
            catch (Exception ex)
            {
                completion.TrySetException(ex);
            }
        }

        try
        {
            _requests.Add(Run, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new ObjectDisposedException(nameof(ProcessStartThread), ex);
        }

        return completion.Task;
    }

    /// <summary>True when the caller is the start thread (for tests and assertions).</summary>
    public bool IsCurrentThread => Thread.CurrentThread == _thread;

    /// <summary>Ends the thread after the queued starts; children still running get their parent-death signal.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _requests.CompleteAdding();
        if (!IsCurrentThread)
        {
            _thread.Join();
        }

        _requests.Dispose();
    }

    private void Serve()
    {
        foreach (var run in _requests.GetConsumingEnumerable())
        {
            run();
        }
    }
}
