using Microsoft.Extensions.DependencyInjection;

namespace Orchestrator.Api.Http;

/// <summary>
/// A request's services, falling back to the AppHost's: the API's web host has its own container, while the
/// orchestrator's services (healer, monitor, notifications, event stream...) live in the AppHost's and are
/// owned (and disposed) there alone.
/// </summary>
internal sealed class FallbackServiceProvider(IServiceProvider request, IServiceProvider appHost) : IKeyedServiceProvider
{
    public object? GetService(Type serviceType) => request.GetService(serviceType) ?? appHost.GetService(serviceType);

    public object? GetKeyedService(Type serviceType, object? serviceKey) =>
        (request as IKeyedServiceProvider)?.GetKeyedService(serviceType, serviceKey)
        ?? (appHost as IKeyedServiceProvider)?.GetKeyedService(serviceType, serviceKey);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) =>
        GetKeyedService(serviceType, serviceKey)
        ?? throw new InvalidOperationException($"No keyed service of type '{serviceType}' with key '{serviceKey}' is registered.");
}
