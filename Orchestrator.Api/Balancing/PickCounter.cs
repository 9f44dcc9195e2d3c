namespace Orchestrator.Api.Balancing;

/// <summary>A pool's count of picks, shared lock-free by the threads that pick.</summary>
internal sealed class PickCounter
{
    private long _picks;

    /// <summary>0, 1, 2... modulo <paramref name="length"/>, one step per call.</summary>
    public int Next(int length) => (int)((ulong)(Interlocked.Increment(ref _picks) - 1) % (ulong)length);
}
