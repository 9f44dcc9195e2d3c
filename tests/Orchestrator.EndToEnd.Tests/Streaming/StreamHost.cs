using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Events;
using Orchestrator.Api.Healing;
using Orchestrator.Api.Monitoring;
using Orchestrator.Api.Registration;
using Orchestrator.Api.Streaming;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Orchestration;

namespace Orchestrator.EndToEnd.Tests.Streaming;

/// <summary>
/// A small web app on 127.0.0.1 that serves <see cref="EventStreamEndpoint"/> over a running
/// orchestrator's services, with its own hub and options.
/// </summary>
internal sealed class StreamHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StreamHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public EventStreamHub Hub => _app.Services.GetRequiredService<EventStreamHub>();

    public static async Task<StreamHost> StartAsync(IServiceProvider orchestrator, EventStreamingOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        Forward<ResourceNotificationService>(builder.Services, orchestrator);
        Forward<EventStream>(builder.Services, orchestrator);
        Forward<ResourceExecutor>(builder.Services, orchestrator);
        Forward<DistributedApplicationModel>(builder.Services, orchestrator);
        Forward<Healer>(builder.Services, orchestrator);
        Forward<HealthMonitor>(builder.Services, orchestrator);
        Forward<IDistributedApplicationRuntime>(builder.Services, orchestrator);
        Forward<IExternalServiceRegistry>(builder.Services, orchestrator);
        builder.Services.AddEventStreaming(options);
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/api/v1/stream", EventStreamEndpoint.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new StreamHost(app, new Uri(address));
    }

    /// <summary>The stream's ws:// address with <paramref name="query"/> (<c>types=...</c>).</summary>
    public Uri StreamUri(string query = "") =>
        new($"ws://{BaseAddress.Authority}/api/v1/stream{(query.Length > 0 ? "?" + query : string.Empty)}");

    /// <summary>The stream's http:// address, for requests that are no upgrade.</summary>
    public Uri HttpUri(string query = "") =>
        new($"http://{BaseAddress.Authority}/api/v1/stream{(query.Length > 0 ? "?" + query : string.Empty)}");

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static void Forward<T>(IServiceCollection services, IServiceProvider orchestrator)
        where T : class => services.AddSingleton(orchestrator.GetRequiredService<T>());
}
