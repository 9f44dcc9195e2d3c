using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Api.Http;

/// <summary>
/// A token bucket per client, refilled from the time that passed whenever the client asks, not by a
/// timer. <see cref="PartitionedRateLimiter.Create{TResource, TPartitionKey}"/> drives its buckets
/// from a timer that ticks ten times a second for the life of the API: in an orchestrator that
/// otherwise sleeps, that tick was a third of its idle CPU. A bucket no client used for a while is
/// full again, holds nothing worth keeping, and is dropped once there are many.
/// </summary>
internal sealed class ClientTokenBuckets : PartitionedRateLimiter<HttpContext>
{
    // Buckets kept before full ones are swept: far more clients than an orchestrator's API has.
    private const int SweepAbove = 1024;

    private readonly int _burst;
    private readonly double _perSecond;
    private readonly Func<HttpContext, string> _partitionOf;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _lastSweep = long.MinValue;

    /// <param name="burst">The most requests a client may make at once (the bucket's size).</param>
    /// <param name="perSecond">The requests a second a client may make in the long run (the refill rate).</param>
    /// <param name="partitionOf">Who the request is from.</param>
    /// <param name="time">The clock the buckets refill by.</param>
    public ClientTokenBuckets(int burst, int perSecond, Func<HttpContext, string> partitionOf, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        _burst = burst;
        _perSecond = perSecond;
        _partitionOf = partitionOf;
        _time = time;
    }

    /// <summary>How many clients have a bucket now.</summary>
    public int BucketCount => _buckets.Count;

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        var now = _time.GetTimestamp();
        var key = _partitionOf(resource);
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            SweepFullBuckets(now);
            bucket = _buckets.GetOrAdd(key, static (_, state) => new Bucket(state.Burst, state.Now), (Burst: _burst, Now: now));
        }

        var wait = bucket.TryTake(permitCount, now, this);
        return wait is null ? Lease.Acquired : new Lease(wait.Value);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        // Nothing queues: a client over its budget is told when to come back.
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    // At most once a second: many clients that each keep their bucket from filling must not make every new one pay for a sweep.
    private void SweepFullBuckets(long now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (_buckets.Count < SweepAbove
            || (last != long.MinValue && _time.GetElapsedTime(last, now) < TimeSpan.FromSeconds(1))
            || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsFull(now, this))
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private double Refilled(double tokens, long since, long now) =>
        Math.Min(_burst, tokens + (_time.GetElapsedTime(since, now).TotalSeconds * _perSecond));

    private sealed class Bucket(int tokens, long now)
    {
        private readonly Lock _gate = new();
        private double _tokens = tokens;
        private long _updated = now;

        // Null when taken; otherwise how long until enough tokens are back.
        public TimeSpan? TryTake(int count, long now, ClientTokenBuckets owner)
        {
            lock (_gate)
            {
                _tokens = owner.Refilled(_tokens, _updated, now);
                _updated = now;
                var needed = Math.Max(count, 1);
                if (_tokens >= needed)
                {
                    _tokens -= count;
                    return null;
                }

                return TimeSpan.FromSeconds((needed - _tokens) / owner._perSecond);
            }
        }

        public bool IsFull(long now, ClientTokenBuckets owner)
        {
            lock (_gate)
            {
                return owner.Refilled(_tokens, _updated, now) >= owner._burst;
            }
        }
    }

    private sealed class Lease : RateLimitLease
    {
        public static readonly Lease Acquired = new(null);

        private readonly TimeSpan? _retryAfter;

        public Lease(TimeSpan? retryAfter) => _retryAfter = retryAfter;

        public override bool IsAcquired => _retryAfter is null;

        public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (_retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
