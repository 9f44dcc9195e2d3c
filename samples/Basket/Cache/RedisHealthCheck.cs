using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Basket.Cache;

/// <summary>Healthy when Redis answers PING. Untagged, so it counts for <c>/health</c> but not <c>/alive</c>.</summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var reply = await redis.ExecuteAsync(["PING"], idempotent: true, cancellationToken);
            return reply.Text == "PONG"
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, $"PING answered '{reply.Text}'.");
        }
        catch (CacheUnavailableException exception)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, exception.Message);
        }
    }
}
