namespace Orchestrator.Api.Registration;

/// <summary>Every default number and rule of runtime registration, in one place.</summary>
public static class RegistrationDefaults
{
    /// <summary>The only type a registration can have: <c>external</c>.</summary>
    public const string ExternalType = "external";

    /// <summary>What a registered name must look like: lower-case letters, digits and dashes, a letter first, 63 at most.</summary>
    public const string NamePattern = "^[a-z][a-z0-9-]{0,62}$";

    /// <summary>The health path when a client gives a health check without one.</summary>
    public const string HealthPath = "/health";

    /// <summary>How often an endpoint is probed unless the registration says otherwise: 5 s.</summary>
    public static TimeSpan HealthCheckInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a probe may take unless the registration says otherwise: 2 s.</summary>
    public static TimeSpan HealthCheckTimeout { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The shortest probe interval a client may ask for: 100 ms, so that no registration can flood its service or the orchestrator.</summary>
    public static TimeSpan MinimumHealthCheckInterval { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest probe interval or timeout: one day.</summary>
    public static TimeSpan MaximumHealthCheckDuration { get; } = TimeSpan.FromDays(1);

    /// <summary>The most endpoints one registration may have: 64.</summary>
    public const int MaxEndpoints = 64;

    /// <summary>The status code a healthy endpoint answers: 200.</summary>
    public const int HealthyStatusCode = 200;

    /// <summary>How many checks each endpoint's history keeps: 20.</summary>
    public const int HistoryCapacity = 20;
}
