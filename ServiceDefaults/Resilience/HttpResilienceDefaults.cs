namespace Microsoft.Extensions.Hosting.Resilience;

/// <summary>Every default number of the HTTP resilience pipeline, in one place.</summary>
public static class HttpResilienceDefaults
{
    /// <summary>The configuration section bound onto <see cref="HttpResilienceOptions"/> for every client.</summary>
    public const string SectionName = "Resilience";

    /// <summary>The whole call, every attempt and every wait between them, gets 30 seconds.</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(30);

    /// <summary>One attempt gets 10 seconds, so a hung replica costs one attempt, not the whole budget.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Three retries after the first attempt.</summary>
    public const int MaxRetryAttempts = 3;

    /// <summary>The first retry waits about half a second, then 1 s, 2 s (exponential, with jitter): long enough for a
    /// restarting replica, short enough that a caller does not give up first.</summary>
    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>No wait between attempts is longer than 5 seconds, whatever the backoff or a <c>Retry-After</c> header says.</summary>
    public static readonly TimeSpan RetryMaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>The circuit opens when half the calls in the sampling window failed...</summary>
    public const double CircuitBreakerFailureRatio = 0.5;

    /// <summary>...and there were at least 10 of them: a service's traffic here is small, and 100 (Microsoft's standard
    /// handler) would never be reached.</summary>
    public const int CircuitBreakerMinimumThroughput = 10;

    /// <summary>The window over which failures are counted.</summary>
    public static readonly TimeSpan CircuitBreakerSamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>An open circuit refuses calls for 5 seconds, then lets one through to test the service.</summary>
    public static readonly TimeSpan CircuitBreakerBreakDuration = TimeSpan.FromSeconds(5);
}
