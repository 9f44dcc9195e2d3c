using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Security;
using Orchestrator.Hosting;
using Orchestrator.Hosting.Secrets;

namespace Orchestrator.Api.Http;

/// <summary>
/// Serves the control API from Kestrel inside the AppHost process. It starts before the launch (so that the
/// launch can be watched) and stops after the resources (hosted services stop in reverse).
/// </summary>
internal sealed class OrchestratorApiHost(
    IServiceProvider appHost,
    OrchestratorApiOptions options,
    OrchestratorApiEndpoint endpoint,
    ISecretStore secrets,
    ILoggerFactory loggerFactory,
    EventCounter events,
    ApiClock clock,
    HostingPaths? paths = null) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<OrchestratorApiHost>();
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            _logger.LogInformation("The orchestrator API is disabled (Orchestrator:Api:Enabled=false)");
            return;
        }

        // Counting and the uptime clock start with the host, not with the first request that asks for them.
        _ = (events.Published, clock.Now);
        var keys = ApiKeyStore.Load(options, secrets);
        endpoint.SetKeys(keys);
        _app = await StartAsync(keys, options.Port, cancellationToken).ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        endpoint.SetBound(baseAddress);
        WriteUrlFile(baseAddress);
        _logger.LogInformation("Orchestrator API listening on {Url} (keys in {KeyLocation})", baseAddress, keys.Location);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            DeleteUrlFile();
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // The URL only, never a key: the command line reads it to find an API that gave way to another port.
    private void WriteUrlFile(Uri baseAddress)
    {
        if (paths is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(paths.StateDirectory);
            File.WriteAllText(paths.ApiUrlFile, baseAddress + Environment.NewLine);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not write the API's URL to {File}: {Reason}", paths.ApiUrlFile, ex.Message);
        }
    }

    private void DeleteUrlFile()
    {
        try
        {
            if (paths is not null)
            {
                File.Delete(paths.ApiUrlFile);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogDebug("Could not delete {File}: {Reason}", paths?.ApiUrlFile, ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<WebApplication> StartAsync(ApiKeys keys, int port, CancellationToken cancellationToken)
    {
        var app = Build(keys, port);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return app;
        }
        catch (IOException ex) when (!options.PortConfigured && port != 0)
        {
            // Another AppHost (or a test) holds the default port: this one takes a free port and says so.
            await app.DisposeAsync().ConfigureAwait(false);
            _logger.LogWarning("Port {Port} is taken ({Reason}); the orchestrator API takes a free port instead. Set Orchestrator:Api:Port or {Variable} to choose one",
                port, ex.Message, OrchestratorApiDefaults.PortVariable);
            return await StartAsync(keys, 0, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private WebApplication Build(ApiKeys keys, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OrchestratorApiHost).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            // Its settings come from the orchestrator's options. Reloading appsettings.json would put a
            // recursive file watcher on the current directory (a repository, node_modules and all).
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));
        // One line per request would drown the AppHost's console; failures still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // ConfigureKestrel, not UseKestrel: the slim builder's Kestrel has no HTTPS and no HTTP/3, and
        // UseKestrel would add QUIC back, loading System.Net.Quic and OpenSSL for an API on plain HTTP.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
            var address = options.Address == "localhost" ? IPAddress.Loopback : IPAddress.Parse(options.Address);
            kestrel.Listen(address, port);
        });
        builder.WebHost.UseUrls();
        OrchestratorApiApplication.ConfigureServices(builder.Services, options, keys, appHost);
        var app = builder.Build();
        OrchestratorApiApplication.Configure(app, appHost);
        return app;
    }
}
