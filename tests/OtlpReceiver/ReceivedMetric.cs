namespace OtlpTesting;

/// <summary>One metric of one export, with its data points.</summary>
/// <param name="Name">The instrument's name (<c>http.server.request.duration</c>).</param>
/// <param name="Description">The instrument's description.</param>
/// <param name="Unit">The unit (<c>s</c>, <c>{request}</c>).</param>
/// <param name="Kind">Gauge, sum, histogram...</param>
/// <param name="DataPoints">The points of this export.</param>
/// <param name="ScopeName">The instrumentation scope, which is the Meter's name (<c>Microsoft.AspNetCore.Hosting</c>).</param>
/// <param name="Resource">Who sent it.</param>
public sealed record ReceivedMetric(
    string Name,
    string Description,
    string Unit,
    ReceivedMetricKind Kind,
    IReadOnlyList<ReceivedDataPoint> DataPoints,
    string ScopeName,
    ReceivedResource Resource);
