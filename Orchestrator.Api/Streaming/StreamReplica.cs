using System.Collections.Immutable;

namespace Orchestrator.Api.Streaming;

/// <summary>One replica as the stream shows it: the fields of the API's replica detail, without its health history.</summary>
/// <param name="Resource">The resource (<c>catalog</c>).</param>
/// <param name="Name">The replica (<c>catalog-0</c>).</param>
/// <param name="Index">Its index, from 0.</param>
/// <param name="State">Its state (a <c>KnownResourceState</c> name).</param>
/// <param name="StateReason">Why it is in that state, when the state alone does not say.</param>
/// <param name="Health">Its health from the latest readiness probe.</param>
/// <param name="Pid">The program's process id, while it runs.</param>
/// <param name="Urls">Its endpoints.</param>
/// <param name="StartedAt">When the current process started.</param>
/// <param name="StoppedAt">When the last process ended.</param>
/// <param name="UptimeSeconds">How long the current process has run.</param>
/// <param name="ExitCode">The last process's exit code.</param>
/// <param name="RestartCount">How many times it was restarted.</param>
/// <param name="CircuitState">Its resource's restart circuit (<c>Closed</c>, <c>Open</c>, <c>HalfOpen</c>), once known.</param>
/// <param name="CpuPercent">CPU use over the last health-check interval, in percent of one core.</param>
/// <param name="RssBytes">Resident memory at the last sample.</param>
public sealed record StreamReplica(
    string Resource,
    string Name,
    int Index,
    string State,
    string? StateReason,
    string? Health,
    int? Pid,
    ImmutableArray<string> Urls,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    double? UptimeSeconds,
    int? ExitCode,
    int RestartCount,
    string? CircuitState,
    double? CpuPercent,
    long? RssBytes);
