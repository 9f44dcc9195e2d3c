using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Balancing;

/// <summary>Which replicas may take traffic: Running, Healthy (ready), not quarantined, circuit closed (or not known yet).</summary>
public static class ReplicaEligibility
{
    /// <summary>The only circuit state (as the healer writes it into snapshots) that leaves a resource in balancing.</summary>
    public const string ClosedCircuit = "Closed";

    /// <summary>True when <paramref name="replica"/> may be picked; otherwise <paramref name="reason"/> says why not.</summary>
    public static bool IsEligible(ResourceSnapshot replica, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(replica);
        reason = replica switch
        {
            { State: KnownResourceState.Quarantined } => "is quarantined",
            { State: not KnownResourceState.Running } => $"is {replica.State}",
            { Health: null } => "has not passed a health check yet",
            { Health: not HealthStatus.Healthy } => $"is {replica.Health}",
            // Half-open, the single trial restart is still in flight: the resource comes back once it closes.
            { CircuitState: "HalfOpen" } => "is behind a half-open circuit (its trial restart is not through yet)",
            { CircuitState: { } circuit } when !string.Equals(circuit, ClosedCircuit, StringComparison.OrdinalIgnoreCase) => "is behind an open circuit",
            _ => null,
        };
        return reason is null;
    }

    /// <summary>The URL a balanced caller should use: the replica's first http or https URL, else its first absolute one.</summary>
    public static Uri? GetUrl(ResourceSnapshot replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        Uri? fallback = null;
        foreach (var text in replica.Urls)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
            {
                continue;
            }

            if (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            {
                return url;
            }

            fallback ??= url;
        }

        return fallback;
    }
}
