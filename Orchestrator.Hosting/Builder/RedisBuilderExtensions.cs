using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting;

/// <summary>Adds Redis servers, run natively from Debian's packages.</summary>
public static class RedisBuilderExtensions
{
    /// <summary>
    /// Adds a Redis server with append-only persistence under the state directory.
    /// <code>var cache = builder.AddRedis("cache");</code>
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource's name.</param>
    /// <param name="port">A fixed port; a free one when null.</param>
    /// <param name="password">The password; generated and kept in the secret store when null.</param>
    public static IResourceBuilder<RedisResource> AddRedis(
        this IDistributedApplicationBuilder builder, string name, int? port = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new RedisResource(name, password))
            .WithAnnotation(new EndpointAnnotation(RedisResource.PrimaryEndpointName, "tcp", port))
            .WithAnnotation(new LaunchPhaseAnnotation(Phase: 0));
    }
}
