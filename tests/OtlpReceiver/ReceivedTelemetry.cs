namespace OtlpTesting;

/// <summary>Everything the receiver holds at one moment, in arrival order.</summary>
/// <param name="Spans">Every span received.</param>
/// <param name="Metrics">Every metric received, one entry per metric per export.</param>
/// <param name="Logs">Every log record received.</param>
/// <param name="Exports">Every export call received.</param>
public sealed record ReceivedTelemetry(
    IReadOnlyList<ReceivedSpan> Spans,
    IReadOnlyList<ReceivedMetric> Metrics,
    IReadOnlyList<ReceivedLogRecord> Logs,
    IReadOnlyList<ReceivedExport> Exports);
