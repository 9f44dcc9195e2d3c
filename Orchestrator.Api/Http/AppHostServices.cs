using Microsoft.Extensions.DependencyInjection;

namespace Orchestrator.Api.Http;

/// <summary>The AppHost's service provider, as the API web host holds it.</summary>
internal sealed class AppHostServices(IServiceProvider services)
{
    public T Get<T>() where T : notnull => services.GetRequiredService<T>();
}
