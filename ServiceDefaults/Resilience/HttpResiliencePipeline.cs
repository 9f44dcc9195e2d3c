using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Microsoft.Extensions.Hosting.Resilience;

/// <summary>Builds the pipeline described by <see cref="HttpResilienceOptions"/>: total timeout, retry, circuit breaker, attempt timeout.</summary>
public static partial class HttpResiliencePipeline
{
    /// <summary>The request being sent, for the retry's decision about idempotency. <see cref="HttpResilienceHandler"/> sets it.</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestProperty = new("ServiceDefaults.HttpRequest");

    /// <summary>Builds a pipeline from <paramref name="options"/>.</summary>
    /// <param name="options">What to build.</param>
    /// <param name="timeProvider">The clock for timeouts, backoff and the breaker's windows; the system clock when null.</param>
    /// <param name="logger">Where retries and circuit changes are logged; nowhere when null.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">An option is out of Polly's range.</exception>
    public static ResiliencePipeline<HttpResponseMessage> Create(HttpResilienceOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider ?? TimeProvider.System };
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options.RetryNonIdempotentRequests)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome, options.RetryMaxDelay)),
                OnRetry = args =>
                {
                    LogRetry(logger, Describe(args.Context), args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome));
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (options.CircuitBreakerEnabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.CircuitBreakerFailureRatio,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                BreakDuration = options.CircuitBreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                OnOpened = args =>
                {
                    LogCircuitOpened(logger, Describe(args.Context), args.BreakDuration, Describe(args.Outcome));
                    return ValueTask.CompletedTask;
                },
                OnClosed = args =>
                {
                    LogCircuitClosed(logger, Describe(args.Context));
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>True for a failure worth another attempt: no response, an attempt that timed out, or 5xx, 408, 429.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        HttpRequestException or TimeoutRejectedException => true,
        null => outcome.Result is { } response && IsTransient(response.StatusCode),
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, bool retryNonIdempotent)
    {
        if (!IsTransient(outcome))
        {
            return false;
        }

        // A request that never reached the service may be sent again whatever its method.
        if (retryNonIdempotent || IsConnectionFailure(outcome.Exception))
        {
            return true;
        }

        return !context.Properties.TryGetValue(RequestProperty, out var request) || IsIdempotent(request.Method);
    }

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Trace || method == HttpMethod.Put || method == HttpMethod.Delete;

    private static bool IsConnectionFailure(Exception? exception) =>
        exception is HttpRequestException http
        && (http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            || http.InnerException is SocketException);

    // A 429 or 503 that says when to come back is believed, up to the longest wait allowed.
    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeSpan maxDelay)
    {
        var retryAfter = outcome.Result?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return delay is { } value && value > TimeSpan.Zero ? TimeSpan.FromTicks(Math.Min(value.Ticks, maxDelay.Ticks)) : null;
    }

    private static string Describe(ResilienceContext context) =>
        context.Properties.TryGetValue(RequestProperty, out var request) ? $"{request.Method} {request.RequestUri}" : "request";

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception ? $"{exception.GetType().Name}: {exception.Message}" : $"status {(int?)outcome.Result?.StatusCode}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retrying {Request} (retry {Retry}) in {Delay} after {Outcome}")]
    private static partial void LogRetry(ILogger logger, string request, int retry, TimeSpan delay, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit opened by {Request} for {BreakDuration} after {Outcome}")]
    private static partial void LogCircuitOpened(ILogger logger, string request, TimeSpan breakDuration, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit closed again by {Request}")]
    private static partial void LogCircuitClosed(ILogger logger, string request);
}
