namespace OtlpTesting;

/// <summary>The three kinds of telemetry OTLP carries.</summary>
public enum OtlpSignal
{
    /// <summary>Spans, posted to <c>/v1/traces</c> or <c>TraceService/Export</c>.</summary>
    Traces,

    /// <summary>Metrics, posted to <c>/v1/metrics</c> or <c>MetricsService/Export</c>.</summary>
    Metrics,

    /// <summary>Log records, posted to <c>/v1/logs</c> or <c>LogsService/Export</c>.</summary>
    Logs,
}
