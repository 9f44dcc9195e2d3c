namespace Orchestrator.Api.Streaming;

/// <summary>One running replica's CPU and memory, in a <c>usage</c> message.</summary>
/// <param name="Resource">The resource.</param>
/// <param name="Replica">The replica.</param>
/// <param name="CpuPercent">CPU use over the last sampling interval, in percent of one core; null until two samples exist.</param>
/// <param name="RssBytes">Resident memory.</param>
public sealed record UsageEntry(string Resource, string Replica, double? CpuPercent, long? RssBytes);
