using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Orchestrator.Api.Http;
using Orchestrator.Api.Tests.Fakes;

namespace Orchestrator.Api.Tests.Http;

public sealed class ClientTokenBucketsTests : IDisposable
{
    private const int Burst = 5;
    private const int PerSecond = 2;

    private readonly FakeTimeProvider _clock = new();
    private readonly ClientTokenBuckets _limiter;

    public ClientTokenBucketsTests() =>
        _limiter = new ClientTokenBuckets(Burst, PerSecond, context => context.Request.Headers["client"].ToString(), _clock);

    public void Dispose() => _limiter.Dispose();

    [Fact]
    public void Lets_a_client_burst_then_refuses_it_with_the_time_until_a_token_is_back()
    {
        for (var i = 0; i < Burst; i++)
        {
            Assert.True(Acquire("a").IsAcquired, $"request {i + 1} of the burst");
        }

        using var refused = Acquire("a");

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(0.5), retryAfter);
    }

    [Fact]
    public void Refills_at_its_rate_from_the_time_that_passed_without_any_timer()
    {
        Drain("a");

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(Acquire("a").IsAcquired);
        Assert.True(Acquire("a").IsAcquired);
        Assert.False(Acquire("a").IsAcquired);
    }

    [Fact]
    public void Never_holds_more_than_its_burst_however_long_it_was_idle()
    {
        Drain("a");
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(Burst, Drain("a"));
    }

    [Fact]
    public void Keeps_each_client_to_its_own_budget()
    {
        Drain("a");

        Assert.True(Acquire("b").IsAcquired);
    }

    [Fact]
    public void Drops_full_buckets_once_there_are_many_clients()
    {
        for (var i = 0; i < 1100; i++)
        {
            Assert.True(Acquire($"client-{i}").IsAcquired);
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        Drain("busy");

        // Every idle client's bucket refilled to full and was swept; only the busy one stays.
        Assert.InRange(_limiter.BucketCount, 1, 100);
        Assert.False(Acquire("busy").IsAcquired);
    }

    private RateLimitLease Acquire(string client)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["client"] = client;
        return _limiter.AttemptAcquire(context);
    }

    private int Drain(string client)
    {
        var taken = 0;
        while (Acquire(client).IsAcquired)
        {
            taken++;
        }

        return taken;
    }
}
