using System.Collections.Concurrent;
using System.Globalization;
using Orchestrator.Api.Http.Contracts;

namespace Orchestrator.Api.Http;

/// <summary>Counts the API's requests by status and keeps the latest durations for percentiles.</summary>
public sealed class RequestStatistics
{
    private readonly ConcurrentDictionary<int, long> _byStatus = new();
    private readonly double[] _latencies = new double[OrchestratorApiDefaults.LatencySamples];
    private readonly Lock _gate = new();
    private long _total;
    private int _next;
    private int _count;

    /// <summary>Records one finished request.</summary>
    public void Record(int statusCode, TimeSpan duration)
    {
        Interlocked.Increment(ref _total);
        _byStatus.AddOrUpdate(statusCode, 1, (_, n) => n + 1);
        lock (_gate)
        {
            _latencies[_next] = duration.TotalMilliseconds;
            _next = (_next + 1) % _latencies.Length;
            _count = Math.Min(_count + 1, _latencies.Length);
        }
    }

    /// <summary>Requests so far, in total and by status.</summary>
    public RequestCounts Counts() => new(
        Interlocked.Read(ref _total),
        _byStatus.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value));

    /// <summary>Latency percentiles over the latest requests.</summary>
    public LatencySummary Latency()
    {
        double[] sample;
        lock (_gate)
        {
            sample = _latencies.AsSpan(0, _count).ToArray();
        }

        Array.Sort(sample);
        return new LatencySummary(Percentiles.Of(sample, 50), Percentiles.Of(sample, 90), Percentiles.Of(sample, 99));
    }
}
