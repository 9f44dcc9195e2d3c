using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Http;

/// <summary>
/// A replica's uptime, CPU and resident memory as the API's resource detail and the stream's replica
/// messages show them: only while a process runs (a replica that exited has no uptime, and the last
/// sample of its dead process says nothing about now).
/// </summary>
/// <param name="UptimeSeconds">How long the current process has run, to the millisecond.</param>
/// <param name="CpuPercent">CPU use over the last health-check interval, in percent of one core, to two decimals.</param>
/// <param name="RssBytes">Resident memory at the last sample.</param>
internal sealed record ReplicaFigures(double? UptimeSeconds, double? CpuPercent, long? RssBytes)
{
    public static ReplicaFigures Of(ResourceSnapshot snapshot, DateTimeOffset now, ReplicaHealthReport? report)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot is not { IsActive: true, StartedAt: { } started })
        {
            return new ReplicaFigures(null, null, null);
        }

        return new ReplicaFigures(
            Math.Round(Math.Max(0, (now - started).TotalSeconds), 3),
            report?.CpuPercent is { } cpu ? Math.Round(cpu, 2) : null,
            report?.RssBytes);
    }
}
