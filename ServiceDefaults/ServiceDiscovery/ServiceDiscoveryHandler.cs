using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting.ServiceDiscovery;

/// <summary>
/// Sends a request for <c>http://catalog/...</c> to one of catalog's replicas, in turn. When a replica
/// refuses the connection (it is down or restarting), the same request goes to the next replica, each
/// replica at most once; other failures and every response go back to the caller unchanged, since the
/// request may have reached the service. Hosts that are not configured services pass through.
/// </summary>
public sealed partial class ServiceDiscoveryHandler : DelegatingHandler
{
    private readonly ServiceEndpointResolver _resolver;
    private readonly RoundRobinEndpointSelector _selector;
    private readonly ILogger<ServiceDiscoveryHandler> _logger;

    /// <summary>Creates the handler.</summary>
    public ServiceDiscoveryHandler(ServiceEndpointResolver resolver, RoundRobinEndpointSelector selector, ILogger<ServiceDiscoveryHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(logger);
        _resolver = resolver;
        _selector = selector;
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

        var first = _selector.NextIndex(service.Key, service.Endpoints.Count);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var endpoint = service.Endpoints[(first + attempt) % service.Endpoints.Count];
                request.RequestUri = ServiceEndpointResolver.Rewrite(logicalUri, endpoint);
                try
                {
                    return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException exception) when (attempt + 1 < service.Endpoints.Count && IsConnectionFailure(exception))
                {
                    LogReplicaUnreachable(service.ServiceName, endpoint, exception.Message);
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

        var first = _selector.NextIndex(service.Key, service.Endpoints.Count);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var endpoint = service.Endpoints[(first + attempt) % service.Endpoints.Count];
                request.RequestUri = ServiceEndpointResolver.Rewrite(logicalUri, endpoint);
                try
                {
                    return base.Send(request, cancellationToken);
                }
                catch (HttpRequestException exception) when (attempt + 1 < service.Endpoints.Count && IsConnectionFailure(exception))
                {
                    LogReplicaUnreachable(service.ServiceName, endpoint, exception.Message);
                }
            }
        }
        finally
        {
            request.RequestUri = logicalUri;
        }
    }

    // Only a failure to connect proves the request never reached the replica, so only then is sending it again safe.
    private static bool IsConnectionFailure(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
        || exception.InnerException is SocketException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replica {Endpoint} of {Service} is unreachable ({Reason}); trying the next replica")]
    private partial void LogReplicaUnreachable(string service, Uri endpoint, string reason);
}
