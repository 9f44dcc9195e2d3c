using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting;

/// <summary>
/// A built, validated application. <see cref="RunAsync"/> launches every resource, waits for Ctrl+C
/// (or the token) and stops them all.
/// </summary>
public sealed class DistributedApplication : IHost, IAsyncDisposable
{
    private readonly IHost _host;

    internal DistributedApplication(IHost host) => _host = host;

    /// <summary>Starts declaring an application, Aspire's way: <c>var builder = DistributedApplication.CreateBuilder(args);</c></summary>
    public static IDistributedApplicationBuilder CreateBuilder(string[] args) =>
        new DistributedApplicationBuilder(new DistributedApplicationOptions { Args = args });

    /// <summary>Starts declaring an application with explicit options (state directory, AppHost directory).</summary>
    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) =>
        new DistributedApplicationBuilder(options);

    /// <summary>The application's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The validated model.</summary>
    public DistributedApplicationModel Model => Services.GetRequiredService<DistributedApplicationModel>();

    /// <summary>Launches the resources; completes once the launch has finished (every required resource healthy).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _host.StartAsync(cancellationToken);

    /// <summary>Stops every resource, in reverse launch order.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <summary>
    /// Runs until Ctrl+C, SIGTERM or <paramref name="cancellationToken"/>, then stops everything; or, when the
    /// AppHost was started with a command (<see cref="IAppHostCommand"/>), runs that command instead and sets
    /// <see cref="System.Environment.ExitCode"/> to its result.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (Services.GetService<IAppHostCommand>() is { } command)
        {
            System.Environment.ExitCode = await command.RunAsync(this, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _host.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs until Ctrl+C or SIGTERM, then stops everything; or runs the AppHost's command (see <see cref="RunAsync"/>).</summary>
    public void Run()
    {
        if (Services.GetService<IAppHostCommand>() is not null)
        {
            RunAsync().GetAwaiter().GetResult();
            return;
        }

        _host.Run();
    }

    /// <inheritdoc />
    public void Dispose() => _host.Dispose();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            _host.Dispose();
        }
    }
}
