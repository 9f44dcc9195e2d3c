namespace Orchestrator.Api.Http;

/// <summary>The API's time: now, and how long the orchestrator has been up.</summary>
internal sealed class ApiClock(TimeProvider time)
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    public DateTimeOffset Now => time.GetUtcNow();

    public double UptimeSeconds => Math.Round((time.GetUtcNow() - _startedAt).TotalSeconds, 3);
}
