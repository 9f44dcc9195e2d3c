namespace Orchestrator.Api.Monitoring;

/// <summary>One reading of a process's counters from /proc.</summary>
/// <param name="ProcessId">The process.</param>
/// <param name="CpuTime">The CPU time it has used so far, user plus system.</param>
/// <param name="RssBytes">Its resident memory.</param>
/// <param name="Timestamp">When it was read, on the sampler's <see cref="TimeProvider"/> timestamp scale.</param>
public sealed record ProcessSample(int ProcessId, TimeSpan CpuTime, long RssBytes, long Timestamp);
