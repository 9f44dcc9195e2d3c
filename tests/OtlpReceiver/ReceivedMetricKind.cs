namespace OtlpTesting;

/// <summary>The shape of a metric's data.</summary>
public enum ReceivedMetricKind
{
    /// <summary>A metric without data.</summary>
    Empty,

    /// <summary>Last values.</summary>
    Gauge,

    /// <summary>A sum (a counter or up-down counter).</summary>
    Sum,

    /// <summary>A histogram with explicit buckets.</summary>
    Histogram,

    /// <summary>A histogram with exponential buckets.</summary>
    ExponentialHistogram,

    /// <summary>A summary with quantiles.</summary>
    Summary,
}
