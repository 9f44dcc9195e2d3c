using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting;

/// <summary>Declares the application's resources, then builds the application that runs them.</summary>
public interface IDistributedApplicationBuilder
{
    /// <summary>The AppHost's configuration (command line, environment, appsettings).</summary>
    ConfigurationManager Configuration { get; }

    /// <summary>The AppHost's services; the orchestrator registers itself here.</summary>
    IServiceCollection Services { get; }

    /// <summary>The AppHost's host environment.</summary>
    IHostEnvironment Environment { get; }

    /// <summary>The AppHost's command-line arguments, as given to <c>CreateBuilder</c>.</summary>
    IReadOnlyList<string> Args => [];

    /// <summary>The directory of the AppHost project: relative project paths and the state directory start here.</summary>
    string AppHostDirectory { get; }

    /// <summary>The resources declared so far, in order.</summary>
    IList<IResource> Resources { get; }

    /// <summary>Adds a resource to the model.</summary>
    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    /// <summary>A builder for a resource already in the model (to add annotations to it).</summary>
    IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource;

    /// <summary>Validates the model and builds the application; nothing starts yet.</summary>
    /// <exception cref="Validation.DistributedApplicationValidationException">
    /// The model has problems; the message names each one. Not thrown while an <see cref="IAppHostCommand"/> is registered.
    /// </exception>
    DistributedApplication Build();
}
