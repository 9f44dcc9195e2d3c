namespace Microsoft.Extensions.Hosting.ServiceDiscovery;

/// <summary>The endpoints of one service's endpoint: every replica's URL, in replica order.</summary>
/// <param name="ServiceName">The service (<c>catalog</c>).</param>
/// <param name="EndpointName">The endpoint (<c>http</c>), as in <c>services__catalog__http__0</c>.</param>
/// <param name="Endpoints">One URL per replica; never empty.</param>
public sealed record ServiceEndpointSet(string ServiceName, string EndpointName, IReadOnlyList<Uri> Endpoints)
{
    /// <summary>A key unique per service and endpoint, used to keep one rotation for each.</summary>
    public string Key => $"{ServiceName}/{EndpointName}";
}
