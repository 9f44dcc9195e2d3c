namespace Orchestrator.Hosting.Tests.Health;

/// <summary>A clock that stands still for wall time and moves its stopwatch by one step each time it is read.</summary>
internal sealed class SteppingTimeProvider(DateTimeOffset start, TimeSpan step) : TimeProvider
{
    private long _ticks;

    public DateTimeOffset Start { get; } = start;

    public override DateTimeOffset GetUtcNow() => Start;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks) - step.Ticks;
}
