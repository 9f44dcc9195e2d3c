using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting;

/// <summary>Declares the endpoints a resource listens on.</summary>
public static class EndpointBuilderExtensions
{
    /// <summary>
    /// Adds an HTTP endpoint. Without a port, each replica gets a free one. With <paramref name="env"/>,
    /// the port is also passed in that variable.
    /// <code>builder.AddExecutable("svc", "./svc", ".").WithHttpEndpoint(env: "PORT");</code>
    /// </summary>
    /// <param name="builder">The resource's builder.</param>
    /// <param name="port">A fixed port (only for a single replica), or null.</param>
    /// <param name="targetPort">The port the process binds, when fixed; this host runs no proxy, so it is used as the port when <paramref name="port"/> is null.</param>
    /// <param name="name">The endpoint's name; <c>http</c> by default.</param>
    /// <param name="env">A variable that receives the port.</param>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(
        this IResourceBuilder<T> builder, int? port = null, int? targetPort = null, string? name = null, string? env = null)
        where T : IResourceWithEndpoints => builder.WithEndpoint("http", port, targetPort, name, env);

    /// <summary>
    /// Adds an endpoint of any scheme (<c>http</c>, <c>https</c>, <c>tcp</c>).
    /// <code>builder.AddExecutable("mq", "./mq", ".").WithEndpoint("tcp", env: "MQ_PORT");</code>
    /// </summary>
    public static IResourceBuilder<T> WithEndpoint<T>(
        this IResourceBuilder<T> builder, string scheme, int? port = null, int? targetPort = null, string? name = null, string? env = null)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        var endpointName = name ?? scheme;
        // A project gets a default "http" endpoint: declaring it again replaces the default instead of clashing with it.
        var existing = builder.Resource.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Name == endpointName);
        if (existing is not null && builder.Resource is ProjectResource && existing == new EndpointAnnotation("http", "http"))
        {
            builder.Resource.Annotations.Remove(existing);
        }

        return builder.WithAnnotation(new EndpointAnnotation(endpointName, scheme, port, targetPort, env));
    }
}
