using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Http;
using Orchestrator.EndToEnd.Tests.Infrastructure;
using Orchestrator.Hosting;

namespace Orchestrator.EndToEnd.Tests.Api;

/// <summary>
/// One real orchestrator with real test services, shared by a test class: <c>web</c> (two replicas, it prints a line),
/// <c>worker</c> (waits for web, references it, has a password in its environment) and <c>spare</c>.
/// The API binds a free port; its keys are generated into the state directory.
/// </summary>
public class ApiAppFixture : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private DistributedApplication? _app;
    private ApiClient? _client;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Not started.");

    internal ApiClient Client => _client ?? throw new InvalidOperationException("Not started.");

    public string StateDirectory => _state.Path;

    public string OperatorKey { get; private set; } = string.Empty;

    public string ViewerKey { get; private set; } = string.Empty;

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        var builder = TestApps.CreateBuilder(_state);
        builder.Configuration["Orchestrator:Api:Port"] = "0";
        Configure(builder);
        var web = builder.AddTestService("web", "--print", "web says hello").WithReplicas(2);
        builder.AddTestService("worker")
            .WaitFor(web)
            .WithReference(web)
            .WithEnvironment("DB_PASSWORD", "hunter2")
            .WithEnvironment("PLAIN_SETTING", "visible")
            .WithOrchestratorApi();
        builder.AddTestService("spare");
        AddResources(builder);
        _app = builder.Build();
        await _app.StartAsync();
        var endpoint = _app.Services.GetRequiredService<OrchestratorApiEndpoint>();
        _client = new ApiClient(await endpoint.WhenBound.WaitAsync(TimeSpan.FromSeconds(30)));
        OperatorKey = (await File.ReadAllTextAsync(Path.Combine(_state.Path, "secrets", "api-operator-key"))).Trim();
        ViewerKey = (await File.ReadAllTextAsync(Path.Combine(_state.Path, "secrets", "api-viewer-key"))).Trim();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _state.Dispose();
    }

    /// <summary>Changes the configuration before the model is declared.</summary>
    protected virtual void Configure(IDistributedApplicationBuilder builder)
    {
    }

    /// <summary>Adds resources a test class needs beyond the shared ones.</summary>
    protected virtual void AddResources(IDistributedApplicationBuilder builder)
    {
    }
}
