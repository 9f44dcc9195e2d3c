using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting.ServiceDiscovery;

/// <summary>
/// Sends a request for <c>http://catalog/...</c> to one of catalog's replicas, picked by the
/// <see cref="ServiceEndpointBalancer"/> (round-robin or power of two choices, stepping around replicas that failed
/// recently). When a replica refuses the connection (it is down or restarting), the same request goes to the next
/// replica, each replica at most once; other failures and every response go back to the caller unchanged, since the
/// request may have reached the service. A replica that failed at the transport level is put in quarantine for a
/// while; one that answered, whatever the status, is taken out. Hosts that are not configured services pass through.
/// </summary>
public sealed partial class ServiceDiscoveryHandler : DelegatingHandler
{
    private readonly ServiceEndpointResolver _resolver;
    private readonly ServiceEndpointBalancer _balancer;
    private readonly ILogger<ServiceDiscoveryHandler> _logger;

    /// <summary>Creates the handler with round-robin balancing and the default quarantine on the system clock.</summary>
    public ServiceDiscoveryHandler(ServiceEndpointResolver resolver, RoundRobinEndpointSelector selector, ILogger<ServiceDiscoveryHandler> logger)
        : this(
            resolver,
            new ServiceEndpointBalancer(
                EndpointBalancing.RoundRobin,
                new EndpointQuarantine(ServiceDiscoveryDefaults.FailedEndpointQuarantine, TimeProvider.System),
                selector ?? throw new ArgumentNullException(nameof(selector))),
            logger)
    {
    }

    /// <summary>Creates the handler.</summary>
    public ServiceDiscoveryHandler(ServiceEndpointResolver resolver, ServiceEndpointBalancer balancer, ILogger<ServiceDiscoveryHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(balancer);
        ArgumentNullException.ThrowIfNull(logger);
        _resolver = resolver;
        _balancer = balancer;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var logicalUri = request.RequestUri;
        var service = logicalUri is null ? null : _resolver.Resolve(logicalUri);
        if (logicalUri is null || service is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var order = _balancer.Order(service);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var endpoint = order[attempt];
                request.RequestUri = ServiceEndpointResolver.Rewrite(logicalUri, endpoint);
                using var inFlight = _balancer.BeginRequest(endpoint);
                try
                {
                    var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    _balancer.Quarantine.ReportSuccess(endpoint);
                    return response;
                }
                catch (HttpRequestException exception) when (ShouldTryNext(service, endpoint, exception, attempt, order.Count))
                {
                }
            }
        }
        finally
        {
            // Back to the logical URL, so a retry above this handler resolves again instead of sticking to a dead replica.
            request.RequestUri = logicalUri;
        }
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var logicalUri = request.RequestUri;
        var service = logicalUri is null ? null : _resolver.Resolve(logicalUri);
        if (logicalUri is null || service is null)
        {
            return base.Send(request, cancellationToken);
        }

        var order = _balancer.Order(service);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var endpoint = order[attempt];
                request.RequestUri = ServiceEndpointResolver.Rewrite(logicalUri, endpoint);
                using var inFlight = _balancer.BeginRequest(endpoint);
                try
                {
                    var response = base.Send(request, cancellationToken);
                    _balancer.Quarantine.ReportSuccess(endpoint);
                    return response;
                }
                catch (HttpRequestException exception) when (ShouldTryNext(service, endpoint, exception, attempt, order.Count))
                {
                }
            }
        }
        finally
        {
            request.RequestUri = logicalUri;
        }
    }

    // Quarantines the replica (no answer came from it), and says whether the request may go to the next one: only a
    // failure to connect proves the request never reached the replica, so only then is sending it again safe.
    private bool ShouldTryNext(ServiceEndpointSet service, Uri endpoint, HttpRequestException exception, int attempt, int replicas)
    {
        _balancer.Quarantine.ReportFailure(endpoint);
        if (attempt + 1 >= replicas || !IsConnectionFailure(exception))
        {
            return false;
        }

        LogReplicaUnreachable(service.ServiceName, endpoint, exception.Message);
        return true;
    }

    private static bool IsConnectionFailure(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
        || exception.InnerException is SocketException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replica {Endpoint} of {Service} is unreachable ({Reason}); trying the next replica")]
    private partial void LogReplicaUnreachable(string service, Uri endpoint, string reason);
}
