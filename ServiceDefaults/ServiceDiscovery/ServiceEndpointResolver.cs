using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting.ServiceDiscovery;

/// <summary>
/// Finds a service's replicas in configuration, where the orchestrator injects them as
/// <c>services__{service}__{endpoint}__{i}</c> (configuration key <c>services:catalog:http:0</c>), Aspire's
/// format. Reads configuration on every call, so reloaded values take effect at once and nothing is cached.
/// </summary>
public sealed class ServiceEndpointResolver
{
    /// <summary>The configuration section that holds the services.</summary>
    public const string SectionName = "services";

    private readonly IConfiguration _configuration;

    /// <summary>Creates a resolver over <paramref name="configuration"/>.</summary>
    public ServiceEndpointResolver(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
    }

    /// <summary>
    /// The URLs of every replica of <paramref name="serviceName"/>'s endpoint, in replica order; empty when
    /// the service is not configured. Entries that are not URLs are skipped.
    /// </summary>
    /// <param name="serviceName">The service's name (<c>catalog</c>).</param>
    /// <param name="endpointName">The endpoint's name, usually its scheme (<c>http</c>).</param>
    public IReadOnlyList<Uri> Resolve(string serviceName, string endpointName = "http")
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentException.ThrowIfNullOrEmpty(endpointName);
        var section = _configuration.GetSection($"{SectionName}:{serviceName}:{endpointName}");
        var values = section.GetChildren()
            .OrderBy(child => int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
            .ThenBy(child => child.Key, StringComparer.Ordinal)
            .Select(child => child.Value)
            .ToList();
        if (values.Count == 0 && section.Value is not null)
        {
            // A single endpoint may also be given without an index: services__catalog__http=http://...
            values.Add(section.Value);
        }

        return values
            .Select(value => ParseEndpoint(value, endpointName))
            .OfType<Uri>()
            .ToList();
    }

    /// <summary>
    /// Resolves a logical URL. The host names the service: <c>http://catalog/api</c> asks for catalog's
    /// <c>http</c> endpoint, <c>http://_admin.catalog/</c> for its <c>admin</c> endpoint, and
    /// <c>https+http://catalog/</c> for <c>https</c> when it has one, else <c>http</c>. Null when the host
    /// is not a configured service (a real host name passes through).
    /// </summary>
    public ServiceEndpointSet? Resolve(Uri logicalUri)
    {
        ArgumentNullException.ThrowIfNull(logicalUri);
        if (!logicalUri.IsAbsoluteUri)
        {
            return null;
        }

        var host = logicalUri.IdnHost;
        if (host.StartsWith('_') && host.IndexOf('.', StringComparison.Ordinal) is var dot and > 1)
        {
            var named = host[(dot + 1)..];
            var endpointName = host[1..dot];
            var endpoints = Resolve(named, endpointName);
            return endpoints.Count > 0 ? new ServiceEndpointSet(named, endpointName, endpoints) : null;
        }

        foreach (var scheme in logicalUri.Scheme.Split('+', StringSplitOptions.RemoveEmptyEntries))
        {
            var endpoints = Resolve(host, scheme);
            if (endpoints.Count > 0)
            {
                return new ServiceEndpointSet(host, scheme, endpoints);
            }
        }

        return null;
    }

    /// <summary>The physical URL for <paramref name="logicalUri"/> on one replica: the replica's scheme, host and port, the logical path and query.</summary>
    public static Uri Rewrite(Uri logicalUri, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(logicalUri);
        ArgumentNullException.ThrowIfNull(endpoint);
        var basePath = endpoint.AbsolutePath.TrimEnd('/');
        return new UriBuilder(logicalUri)
        {
            Scheme = endpoint.Scheme,
            Host = endpoint.Host,
            Port = endpoint.Port,
            Path = basePath + logicalUri.AbsolutePath,
        }.Uri;
    }

    private static Uri? ParseEndpoint(string? value, string endpointName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            // host:port without a scheme: the endpoint's name is the scheme when it is one, as it usually is.
            var scheme = endpointName is "https" ? "https" : "http";
            text = $"{scheme}://{text}";
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }
}
