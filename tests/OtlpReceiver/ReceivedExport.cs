namespace OtlpTesting;

/// <summary>One export call as it arrived: which signal, over which protocol, with which request headers.</summary>
/// <param name="Signal">Traces, metrics or logs.</param>
/// <param name="Transport">OTLP/HTTP or OTLP/gRPC.</param>
/// <param name="Path">The request path (<c>/v1/traces</c>, <c>/opentelemetry.proto.collector.trace.v1.TraceService/Export</c>).</param>
/// <param name="Headers">The request headers, names in lower case, values joined with commas.</param>
/// <param name="ItemCount">How many spans, metrics or log records it carried.</param>
public sealed record ReceivedExport(
    OtlpSignal Signal,
    OtlpTransport Transport,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    int ItemCount);
