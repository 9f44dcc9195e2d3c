namespace Microsoft.Extensions.Hosting.Resilience;

/// <summary>
/// How every <see cref="HttpClient"/> made by the factory survives a failing service: a total timeout around
/// retries with exponential backoff and jitter, a circuit breaker, and a timeout per attempt, in that order from the
/// outside in. Bound from the <c>Resilience</c> configuration section (<c>Resilience:MaxRetryAttempts=5</c>, or the
/// variable <c>Resilience__MaxRetryAttempts=5</c>); code can change it with
/// <see cref="Microsoft.Extensions.DependencyInjection.HttpResilienceExtensions.ConfigureHttpResilience"/>.
/// </summary>
/// <remarks>
/// A failure is transient when no response came (<see cref="HttpRequestException"/>), when an attempt timed out, or
/// when the response is 5xx, 408 or 429. Transient failures are retried for idempotent methods (GET, HEAD, OPTIONS,
/// TRACE, PUT, DELETE); POST and PATCH are retried only when the connection could not be made (the request never left)
/// unless <see cref="RetryNonIdempotentRequests"/> is set, since a repeated order is worse than a failed one.
/// Every transient failure counts for the circuit breaker.
/// </remarks>
public sealed record HttpResilienceOptions
{
    /// <summary>False leaves the client without resilience (for a client that retries on its own).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The budget of the whole call, retries and waits included. Default 30 s.</summary>
    public TimeSpan TotalTimeout { get; set; } = HttpResilienceDefaults.TotalTimeout;

    /// <summary>The budget of one attempt. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = HttpResilienceDefaults.AttemptTimeout;

    /// <summary>Retries after the first attempt; 0 turns retrying off. Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = HttpResilienceDefaults.MaxRetryAttempts;

    /// <summary>The wait before the first retry; later waits double, with jitter. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = HttpResilienceDefaults.RetryBaseDelay;

    /// <summary>The longest wait between attempts, also for a <c>Retry-After</c> header. Default 5 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = HttpResilienceDefaults.RetryMaxDelay;

    /// <summary>Retry POST and PATCH on any transient failure too. Default false.</summary>
    public bool RetryNonIdempotentRequests { get; set; }

    /// <summary>False leaves out the circuit breaker. Default true.</summary>
    public bool CircuitBreakerEnabled { get; set; } = true;

    /// <summary>The share of failed calls in the window that opens the circuit. Default 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = HttpResilienceDefaults.CircuitBreakerFailureRatio;

    /// <summary>The fewest calls in the window before the ratio counts (at least 2). Default 10.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = HttpResilienceDefaults.CircuitBreakerMinimumThroughput;

    /// <summary>The window over which calls are counted. Default 30 s.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = HttpResilienceDefaults.CircuitBreakerSamplingDuration;

    /// <summary>How long an open circuit refuses calls. Default 5 s.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = HttpResilienceDefaults.CircuitBreakerBreakDuration;
}
