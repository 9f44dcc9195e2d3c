using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Http;
using Orchestrator.EndToEnd.Tests.Infrastructure;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.EndToEnd.Tests.Streaming;

/// <summary>
/// One real orchestrator shared by the stream tests: <c>svc</c> (the test service, restarted at once
/// when killed), <c>other</c> (the test service, left alone) and <c>ticker</c> (a shell loop that
/// prints a line every 100 ms). Its control API listens on a free port.
/// </summary>
public sealed class StreamingFixture : IAsyncLifetime
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);
    private readonly TempDirectory _state = new();
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public IServiceProvider Services => App.Services;

    /// <summary>The orchestrator's own API (Kestrel on 127.0.0.1, a free port).</summary>
    public Uri ApiAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The API's generated viewer key.</summary>
    public string ViewerKey { get; private set; } = string.Empty;

    public ResourceNotificationService Notifications => Services.GetRequiredService<ResourceNotificationService>();

    public async Task InitializeAsync()
    {
        var builder = TestApps.CreateBuilder(_state);
        builder.Configuration["Orchestrator:Api:Port"] = "0";
        builder.AddTestService("svc").WithRestartPolicy(RestartPolicy.Always, o =>
        {
            o.Tiers = [RestartTier.Immediate(Short, Short, Short, Short, Short, Short), RestartTier.Quarantine()];
            o.MinUptime = TimeSpan.FromMilliseconds(500);
            o.StabilityPeriod = TimeSpan.FromSeconds(1);
        });
        builder.AddTestService("other");
        builder.AddExecutable("ticker", "bash", ".", "-c", "i=0; while :; do echo \"tick $i\"; i=$((i+1)); sleep 0.1; done");
        _app = builder.Build();
        await _app.StartAsync();
        ApiAddress = await Services.GetRequiredService<OrchestratorApiEndpoint>().WhenBound.WaitAsync(TimeSpan.FromSeconds(30));
        ViewerKey = (await File.ReadAllTextAsync(Path.Combine(_state.Path, "secrets", "api-viewer-key"))).Trim();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _state.Dispose();
    }
}
