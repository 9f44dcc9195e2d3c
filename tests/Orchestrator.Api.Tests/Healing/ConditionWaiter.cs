namespace Orchestrator.Api.Tests.Healing;

/// <summary>
/// Lets a test wait for a condition that other threads make true, without sleeping: whoever changes
/// something calls <see cref="Notify"/>, and waiters look again. Gives up after a safety timeout.
/// </summary>
internal sealed class ConditionWaiter
{
    public static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();

    public void Notify()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = NewSignal();
        }

        changed.SetResult();
    }

    public async Task UntilAsync(Func<bool> condition, Func<string> describe)
    {
        using var timeout = new CancellationTokenSource(SafetyTimeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            // Looked at after taking the signal, so that a change between the two is never missed.
            if (condition())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Gave up after {SafetyTimeout}: {describe()}");
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
