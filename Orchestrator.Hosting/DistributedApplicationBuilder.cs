using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Drivers;
using Orchestrator.Hosting.EnvironmentVariables;
using Orchestrator.Hosting.Notifications;
using Orchestrator.Hosting.Orchestration;
using Orchestrator.Hosting.Ports;
using Orchestrator.Hosting.Processes;
using Orchestrator.Hosting.Secrets;
using Orchestrator.Hosting.Validation;

namespace Orchestrator.Hosting;

/// <summary>The builder behind <see cref="DistributedApplication.CreateBuilder(string[])"/>.</summary>
public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private const string ReloadConfigOnChangeKey = "hostBuilder:reloadConfigOnChange";

    private readonly HostApplicationBuilder _hostBuilder;

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The app model is read once, at start. Reloading appsettings.json on change would put a
        // recursive file watcher on the AppHost's directory, which holds .orchestrator/: it would
        // wake at every line a replica logs. DOTNET_hostBuilder__reloadConfigOnChange=true still turns it on.
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new(ReloadConfigOnChangeKey, "false")]);
        _hostBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = options.Args,
            ContentRootPath = options.AppHostDirectory,
            Configuration = configuration,
        });
        Paths = HostingPaths.Resolve(options, _hostBuilder.Configuration);
        Args = options.Args;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Args { get; }

    /// <inheritdoc />
    public ConfigurationManager Configuration => _hostBuilder.Configuration;

    /// <inheritdoc />
    public IServiceCollection Services => _hostBuilder.Services;

    /// <inheritdoc />
    public IHostEnvironment Environment => _hostBuilder.Environment;

    /// <summary>The AppHost's directory and its state directory.</summary>
    public HostingPaths Paths { get; }

    /// <inheritdoc />
    public string AppHostDirectory => Paths.AppHostDirectory;

    /// <inheritdoc />
    public IList<IResource> Resources { get; } = new List<IResource>();

    /// <inheritdoc />
    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(resource);
        Resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    /// <inheritdoc />
    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    /// <inheritdoc />
    public DistributedApplication Build()
    {
        var model = new DistributedApplicationModel(Resources);
        // A command (validate, status...) runs instead of the launch and judges the model itself.
        if (!Services.Any(s => s.ServiceType == typeof(IAppHostCommand)))
        {
            ModelValidator.ThrowIfInvalid(model);
        }

        Services.AddSingleton(model);
        Services.AddSingleton(Paths);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ISecretStore>(_ => new FileSecretStore(Paths.SecretsDirectory));
        Services.AddSingleton<ResourceNotificationService>();
        Services.AddSingleton(sp => new ResourceRuntimeContext(
            Paths.StateDirectory,
            sp.GetRequiredService<ISecretStore>(),
            new EndpointAllocator().Allocate(model),
            OtlpConfiguration.Resolve(Configuration)));
        Services.AddSingleton<IProcessRunner, ProcessGroupRunner>();
        Services.AddResourceDrivers();
        Services.AddSingleton<ResourceExecutor>();
        Services.AddSingleton<IResourceExecutor>(sp => sp.GetRequiredService<ResourceExecutor>());

        if (!Services.Any(s => s.ServiceType == typeof(IDistributedApplicationRuntime)))
        {
            throw new InvalidOperationException(
                "No orchestrator is registered, so nothing would run the model. " +
                "Reference Orchestrator.Api and call builder.AddOrchestrator() before Build().");
        }

        return new DistributedApplication(_hostBuilder.Build());
    }
}
