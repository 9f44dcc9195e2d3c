using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using Orchestrator.Api.Security;

namespace Orchestrator.Api.Http;

/// <summary>A token bucket per client (a valid key, or else the remote address); a client over its budget gets 429 with Retry-After.</summary>
internal static class ApiRateLimiting
{
    public static void Configure(RateLimiterOptions limiter, OrchestratorApiOptions options)
    {
        limiter.GlobalLimiter = new ClientTokenBuckets(
            options.Burst,
            options.PermitPerSecond,
            context => context.Features.Get<ApiCaller>()?.Partition ?? $"address:{context.Connection.RemoteIpAddress}",
            TimeProvider.System);
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
            return new ValueTask(ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "Too many requests.",
                $"This client may make {options.PermitPerSecond} requests per second (bursts of {options.Burst}); retry after {seconds} s.")
                .ExecuteAsync(context.HttpContext));
        };
    }
}
