namespace Storefront.Clients;

/// <summary>A service the storefront calls could not be reached, timed out or answered with garbage.</summary>
public sealed class ServiceUnavailableException(string service, Exception innerException)
    : Exception($"The {service} service is unavailable: {innerException.Message}", innerException)
{
    /// <summary>The service that failed: <c>catalog</c> or <c>basket</c>.</summary>
    public string Service { get; } = service;
}
