using System.Text.Json;

namespace Storefront.Clients;

/// <summary>Turns the ways a call to another service fails into one <see cref="ServiceUnavailableException"/> that names the service.</summary>
internal static class ServiceCall
{
    public static async Task<T> RunAsync<T>(string service, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        // A timeout (TaskCanceledException without our token cancelled) is the service's failure; the caller going away is not.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            throw new ServiceUnavailableException(service, exception);
        }
    }
}
