namespace OtlpTesting;

/// <summary>One data point of a metric.</summary>
/// <param name="Attributes">The point's attributes (<c>http.route</c>, <c>http.response.status_code</c>...).</param>
/// <param name="Value">A gauge's or sum's value; a histogram's or summary's sum (when sent).</param>
/// <param name="Count">A histogram's or summary's count of measurements; null for gauges and sums.</param>
/// <param name="Time">When the point was taken.</param>
public sealed record ReceivedDataPoint(
    IReadOnlyDictionary<string, object?> Attributes,
    double? Value,
    ulong? Count,
    DateTimeOffset Time);
