using Google.Protobuf;
using Google.Protobuf.Collections;
using OtlpTesting.Protocol.Collector.Logs;
using OtlpTesting.Protocol.Collector.Metrics;
using OtlpTesting.Protocol.Collector.Trace;
using OtlpTesting.Protocol.Common;
using OtlpTesting.Protocol.Metrics;
using ProtoResource = OtlpTesting.Protocol.Resource.Resource;

namespace OtlpTesting;

/// <summary>Turns OTLP's wire messages into the receiver's records.</summary>
internal static class OtlpDecoder
{
    public static IReadOnlyList<ReceivedSpan> DecodeTraces(ReadOnlySpan<byte> body)
    {
        var request = ExportTraceServiceRequest.Parser.ParseFrom(body);
        return request.ResourceSpans
            .SelectMany(resourceSpans =>
            {
                var resource = Resource(resourceSpans.Resource);
                return resourceSpans.ScopeSpans.SelectMany(scopeSpans => scopeSpans.Spans.Select(span => new ReceivedSpan(
                    Hex(span.TraceId)!,
                    Hex(span.SpanId)!,
                    Hex(span.ParentSpanId),
                    span.Name,
                    (ReceivedSpanKind)(int)span.Kind,
                    Time(span.StartTimeUnixNano),
                    Time(span.EndTimeUnixNano),
                    Attributes(span.Attributes),
                    (ReceivedSpanStatus)(int)(span.Status?.Code ?? 0),
                    span.Status?.Message ?? string.Empty,
                    scopeSpans.Scope?.Name ?? string.Empty,
                    resource)));
            })
            .ToList();
    }

    public static IReadOnlyList<ReceivedMetric> DecodeMetrics(ReadOnlySpan<byte> body)
    {
        var request = ExportMetricsServiceRequest.Parser.ParseFrom(body);
        return request.ResourceMetrics
            .SelectMany(resourceMetrics =>
            {
                var resource = Resource(resourceMetrics.Resource);
                return resourceMetrics.ScopeMetrics.SelectMany(scopeMetrics => scopeMetrics.Metrics.Select(metric => new ReceivedMetric(
                    metric.Name,
                    metric.Description,
                    metric.Unit,
                    Kind(metric.DataCase),
                    DataPoints(metric),
                    scopeMetrics.Scope?.Name ?? string.Empty,
                    resource)));
            })
            .ToList();
    }

    public static IReadOnlyList<ReceivedLogRecord> DecodeLogs(ReadOnlySpan<byte> body)
    {
        var request = ExportLogsServiceRequest.Parser.ParseFrom(body);
        return request.ResourceLogs
            .SelectMany(resourceLogs =>
            {
                var resource = Resource(resourceLogs.Resource);
                return resourceLogs.ScopeLogs.SelectMany(scopeLogs => scopeLogs.LogRecords.Select(record => new ReceivedLogRecord(
                    Time(record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano),
                    record.SeverityNumber,
                    record.SeverityText,
                    AttributeText.Format(Value(record.Body)),
                    Attributes(record.Attributes),
                    string.IsNullOrEmpty(record.EventName) ? null : record.EventName,
                    Hex(record.TraceId),
                    Hex(record.SpanId),
                    scopeLogs.Scope?.Name ?? string.Empty,
                    resource)));
            })
            .ToList();
    }

    private static ReceivedMetricKind Kind(Metric.DataOneofCase data) => data switch
    {
        Metric.DataOneofCase.Gauge => ReceivedMetricKind.Gauge,
        Metric.DataOneofCase.Sum => ReceivedMetricKind.Sum,
        Metric.DataOneofCase.Histogram => ReceivedMetricKind.Histogram,
        Metric.DataOneofCase.ExponentialHistogram => ReceivedMetricKind.ExponentialHistogram,
        Metric.DataOneofCase.Summary => ReceivedMetricKind.Summary,
        _ => ReceivedMetricKind.Empty,
    };

    private static IReadOnlyList<ReceivedDataPoint> DataPoints(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(Number).ToList(),
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(Number).ToList(),
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints
            .Select(p => new ReceivedDataPoint(Attributes(p.Attributes), p.HasSum ? p.Sum : null, p.Count, Time(p.TimeUnixNano)))
            .ToList(),
        Metric.DataOneofCase.ExponentialHistogram => metric.ExponentialHistogram.DataPoints
            .Select(p => new ReceivedDataPoint(Attributes(p.Attributes), p.HasSum ? p.Sum : null, p.Count, Time(p.TimeUnixNano)))
            .ToList(),
        Metric.DataOneofCase.Summary => metric.Summary.DataPoints
            .Select(p => new ReceivedDataPoint(Attributes(p.Attributes), p.Sum, p.Count, Time(p.TimeUnixNano)))
            .ToList(),
        _ => [],
    };

    private static ReceivedDataPoint Number(NumberDataPoint point) => new(
        Attributes(point.Attributes),
        point.ValueCase switch
        {
            NumberDataPoint.ValueOneofCase.AsDouble => point.AsDouble,
            NumberDataPoint.ValueOneofCase.AsInt => point.AsInt,
            _ => null,
        },
        null,
        Time(point.TimeUnixNano));

    private static ReceivedResource Resource(ProtoResource? resource) =>
        new(resource is null ? new Dictionary<string, object?>() : Attributes(resource.Attributes));

    private static Dictionary<string, object?> Attributes(RepeatedField<KeyValue> attributes)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            result[attribute.Key] = Value(attribute.Value);
        }

        return result;
    }

    private static object? Value(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue,
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue,
        AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToByteArray(),
        AnyValue.ValueOneofCase.ArrayValue => value.ArrayValue.Values.Select(Value).ToList(),
        AnyValue.ValueOneofCase.KvlistValue => Attributes(value.KvlistValue.Values),
        _ => null,
    };

    // An all-zero or empty id means "none" in OTLP (a root span's parent, a log written outside a trace).
    private static string? Hex(ByteString id) =>
        id.IsEmpty || id.Span.IndexOfAnyExcept((byte)0) < 0 ? null : Convert.ToHexStringLower(id.Span);

    private static DateTimeOffset Time(ulong unixNanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanoseconds / 100));
}
