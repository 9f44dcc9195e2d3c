using System.Net;
using System.Net.Security;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Health;

namespace Orchestrator.Hosting.Drivers;

/// <summary>
/// Turns a resource's <see cref="HttpHealthCheckAnnotation"/> into an <see cref="HttpHealthProbe"/> on
/// one replica's endpoint. Owns the one <see cref="HttpClient"/> every HTTP probe shares.
/// </summary>
public sealed class HttpHealthCheckProbeFactory : IDisposable
{
    private readonly Lazy<HttpClient> _httpClient = new(CreateClient);
    private readonly TimeProvider _timeProvider;

    public HttpHealthCheckProbeFactory(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>The probe for the replica, or null when the resource has no HTTP health check.</summary>
    /// <exception cref="InvalidOperationException">The health check names an endpoint the replica does not have, or it has no HTTP endpoint.</exception>
    public HttpHealthProbe? Create(ReplicaContext replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var check = replica.Resource.Annotations.LastOfType<HttpHealthCheckAnnotation>();
        if (check is null)
        {
            return null;
        }

        var endpoint = FindEndpoint(replica, check.EndpointName);
        // WithHealthCheckOptions(timeout: ...) governs the readiness probe too, not only the liveness one.
        var timeout = replica.Resource.Annotations.LastOfType<HealthCheckOptionsAnnotation>()?.Timeout ?? HealthProbeDefaults.Timeout;
        return new HttpHealthProbe(endpoint.Url, check.Path, check.StatusCode, _httpClient, timeout, _timeProvider);
    }

    /// <summary>
    /// A probe for <paramref name="check"/> on the replica's endpoint, whatever the resource's own
    /// annotations say: the health monitor builds liveness probes with it.
    /// </summary>
    /// <param name="replica">The replica to probe.</param>
    /// <param name="check">The path, status code and endpoint to probe.</param>
    /// <param name="timeout">How long one probe may take; <see cref="HealthProbeDefaults.Timeout"/> by default.</param>
    /// <exception cref="InvalidOperationException">The check names an endpoint the replica does not have, or it has no HTTP endpoint.</exception>
    public HttpHealthProbe Create(ReplicaContext replica, HttpHealthCheckAnnotation check, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(replica);
        ArgumentNullException.ThrowIfNull(check);
        var endpoint = FindEndpoint(replica, check.EndpointName);
        return new HttpHealthProbe(endpoint.Url, check.Path, check.StatusCode, _httpClient, timeout ?? HealthProbeDefaults.Timeout, _timeProvider);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_httpClient.IsValueCreated)
        {
            _httpClient.Value.Dispose();
        }
    }

    // Made on first use: replicas' own plain-HTTP endpoints are probed without it (HttpStatusFetcher).
    private static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            // Replicas are on loopback: a proxy from the environment would only get in the way.
            UseProxy = false,
            // A restarted replica may reuse a port: do not keep idle connections to a process that is gone.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = AcceptLoopbackCertificates },
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static AllocatedEndpoint FindEndpoint(ReplicaContext replica, string? endpointName)
    {
        var endpoints = replica.Endpoints;
        if (endpointName is not null)
        {
            return endpoints.FirstOrDefault(e => e.Name == endpointName)
                ?? throw new InvalidOperationException(
                    $"Resource '{replica.Resource.Name}' checks its health on endpoint '{endpointName}', which it does not have. " +
                    $"Declare it with WithHttpEndpoint(name: \"{endpointName}\") or name an existing endpoint in WithHttpHealthCheck.");
        }

        return endpoints.FirstOrDefault(e => e.Scheme == "http")
            ?? endpoints.FirstOrDefault(e => e.Scheme == "https")
            ?? throw new InvalidOperationException(
                $"Resource '{replica.Resource.Name}' has an HTTP health check but no http endpoint. " +
                "Add one with WithHttpEndpoint() or remove WithHttpHealthCheck.");
    }

    // Services in development serve self-signed certificates; trust them on loopback only.
    private static bool AcceptLoopbackCertificates(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (sender is SslStream { TargetHostName: var host }
            && (host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address))));
}
