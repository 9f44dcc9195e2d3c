using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting;

/// <summary>The annotations every resource can take: environment, arguments, replicas, references, waits, launch options.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>
    /// Sets an environment variable for every replica.
    /// <code>builder.AddProject("catalog", "...").WithEnvironment("SEED_ROWS", "100");</code>
    /// </summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        return builder.WithAnnotation(new EnvironmentAnnotation(name, value));
    }

    /// <summary>
    /// Computes environment variables at launch, when ports and secrets are known.
    /// <code>.WithEnvironment(ctx =&gt; ctx.Environment["REPLICA"] = ctx.ReplicaIndex.ToString())</code>
    /// </summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(callback);
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));
    }

    /// <summary>
    /// Appends command-line arguments.
    /// <code>builder.AddExecutable("svc", "./svc", ".").WithArgs("--verbose");</code>
    /// </summary>
    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] args)
        where T : IResourceWithArgs
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(args);
        return builder.WithAnnotation(new CommandLineArgsAnnotation(args.ToArray()));
    }

    /// <summary>
    /// Runs <paramref name="replicas"/> copies, each its own process on its own port.
    /// <code>builder.AddProject("catalog", "...").WithReplicas(2);</code>
    /// </summary>
    public static IResourceBuilder<T> WithReplicas<T>(this IResourceBuilder<T> builder, int replicas)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new ReplicaAnnotation(replicas));
    }

    /// <summary>
    /// Injects the connection string of <paramref name="source"/> as <c>ConnectionStrings__{name}</c>.
    /// <code>builder.AddProject("catalog", "...").WithReference(catalogDb);</code>
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(
        this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source, string? connectionName = null)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        return builder.WithAnnotation(new ResourceReferenceAnnotation(source.Resource, connectionName));
    }

    /// <summary>
    /// Injects the endpoints of every replica of <paramref name="source"/> as <c>services__{name}__{scheme}__{i}</c>.
    /// <code>builder.AddProject("storefront", "...").WithReference(catalog);</code>
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        return builder.WithAnnotation(new ResourceReferenceAnnotation(source.Resource));
    }

    /// <summary>
    /// Starts the resource only once <paramref name="dependency"/> is running and healthy.
    /// <code>builder.AddProject("catalog", "...").WaitFor(postgres);</code>
    /// </summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependency);
        return builder.WithAnnotation(new WaitAnnotation(dependency.Resource, WaitType.WaitUntilHealthy));
    }

    /// <summary>
    /// Starts the resource only once <paramref name="dependency"/> has run to completion with <paramref name="exitCode"/>.
    /// <code>builder.AddProject("api", "...").WaitForCompletion(migrations);</code>
    /// </summary>
    public static IResourceBuilder<T> WaitForCompletion<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency, int exitCode = 0)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependency);
        return builder.WithAnnotation(new WaitAnnotation(dependency.Resource, WaitType.WaitForCompletion, exitCode));
    }

    /// <summary>
    /// Leaves the resource out of the launch; a user starts it by command.
    /// <code>builder.AddExecutable("report", "...", ".").WithExplicitStart();</code>
    /// </summary>
    public static IResourceBuilder<T> WithExplicitStart<T>(this IResourceBuilder<T> builder) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new ExplicitStartAnnotation());
    }

    /// <summary>
    /// Pins the resource to a launch phase and orders it inside the phase (lower priority first).
    /// <code>builder.AddProject("gateway", "...").WithLaunchPhase(phase: 3);</code>
    /// </summary>
    public static IResourceBuilder<T> WithLaunchPhase<T>(this IResourceBuilder<T> builder, int? phase = null, int priority = 0)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new LaunchPhaseAnnotation(phase, priority));
    }

    /// <summary>
    /// Lets the launch go on when this resource fails; its dependents are reported as blocked.
    /// <code>builder.AddProject("recommendations", "...").AsOptional();</code>
    /// </summary>
    public static IResourceBuilder<T> AsOptional<T>(this IResourceBuilder<T> builder) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new OptionalResourceAnnotation());
    }

    /// <summary>
    /// Sets how long the resource may take from start to healthy (60 s by default).
    /// <code>builder.AddProject("search", "...").WithStartTimeout(TimeSpan.FromMinutes(2));</code>
    /// </summary>
    public static IResourceBuilder<T> WithStartTimeout<T>(this IResourceBuilder<T> builder, TimeSpan timeout) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new StartTimeoutAnnotation(timeout));
    }
}
