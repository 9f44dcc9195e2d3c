using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Hosting;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Api.Tests.Launch;

/// <summary>
/// Declares a model with the real builder extensions (AddPostgres, WaitFor, WithLaunchPhase...) without
/// creating a host: planning and launching need only the resources.
/// </summary>
internal sealed class TestModelBuilder : IDistributedApplicationBuilder
{
    public ConfigurationManager Configuration => throw new NotSupportedException("Launch tests need no configuration.");

    public IServiceCollection Services => throw new NotSupportedException("Launch tests need no services.");

    public IHostEnvironment Environment => throw new NotSupportedException("Launch tests need no host environment.");

    public string AppHostDirectory => Path.GetTempPath();

    public IList<IResource> Resources { get; } = new List<IResource>();

    public DistributedApplicationModel Model => new(Resources);

    /// <summary>A plain service: an executable with no dependencies of its own.</summary>
    public IResourceBuilder<ExecutableResource> AddService(string name) => this.AddExecutable(name, "true", ".");

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        Resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(this, resource);

    public DistributedApplication Build() => throw new NotSupportedException("Launch tests plan the model directly.");
}
