namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>
/// A network endpoint a resource listens on. <see cref="Port"/> is the fixed port, or null for one
/// allocated at launch (a different one per replica).
/// </summary>
/// <param name="Name">The endpoint's name, unique within the resource (<c>http</c> by default).</param>
/// <param name="Scheme">The URI scheme (<c>http</c>, <c>https</c>, <c>tcp</c>).</param>
/// <param name="Port">A fixed port, or null to allocate a free one.</param>
/// <param name="TargetPort">The port the process binds, when it differs from <see cref="Port"/>; this host runs no proxy, so a fixed target port is used as the port.</param>
/// <param name="EnvironmentVariable">An environment variable that receives the port (for example <c>PORT</c>).</param>
public sealed record EndpointAnnotation(
    string Name,
    string Scheme,
    int? Port = null,
    int? TargetPort = null,
    string? EnvironmentVariable = null) : IResourceAnnotation
{
    /// <summary>The port fixed by the model, if any: <see cref="Port"/>, else <see cref="TargetPort"/>.</summary>
    public int? FixedPort => Port ?? TargetPort;
}
