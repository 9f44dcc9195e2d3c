using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.CommandLine;
using Orchestrator.Api.Healing;
using Orchestrator.Api.Http;
using Orchestrator.Api.Launch;
using Orchestrator.Api.Monitoring;
using Orchestrator.Api.Telemetry;
using Orchestrator.Hosting;

namespace Orchestrator.Api;

/// <summary>Adds the orchestrator to an AppHost: it launches, supervises and serves the model.</summary>
public static class OrchestratorBuilderExtensions
{
    /// <summary>
    /// Registers the orchestrator: phased launch, supervision and the control API (<c>Orchestrator:Api</c>).
    /// <code>var builder = DistributedApplication.CreateBuilder(args).AddOrchestrator();</code>
    /// </summary>
    public static IDistributedApplicationBuilder AddOrchestrator(this IDistributedApplicationBuilder builder, Action<LaunchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new LaunchOptions();
        configure?.Invoke(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<PhasedLauncher>();
        builder.Services.AddHealthMonitoring();
        builder.Services.AddHealing();
        // The API starts before the runtime, so that the launch can be watched through it.
        builder.Services.AddOrchestratorApi();
        builder.Services.AddOrchestratorTelemetry();
        builder.Services.AddSingleton<OrchestratorRuntime>();
        builder.Services.AddSingleton<IDistributedApplicationRuntime>(sp => sp.GetRequiredService<OrchestratorRuntime>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OrchestratorRuntime>());
        if (OrchestratorCommandLine.IsCommand(builder.Args))
        {
            // `dotnet run --project AppHost -- status`: Run() runs the command instead of the launch.
            builder.Services.AddSingleton<IAppHostCommand>(new AppHostCommandLine(builder.Args));
        }

        return builder;
    }
}
