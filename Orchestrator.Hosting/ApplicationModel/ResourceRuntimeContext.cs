using Orchestrator.Hosting.Secrets;

namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>
/// What is known once a launch begins: where state lives, the secrets, every replica's endpoints,
/// and the telemetry settings passed on to every resource.
/// </summary>
public sealed class ResourceRuntimeContext(
    string stateDirectory,
    ISecretStore secrets,
    IReadOnlyDictionary<(string Resource, string Endpoint, int Replica), AllocatedEndpoint> endpoints,
    OtlpSettings? otlp = null)
{
    /// <summary>The state directory (data, logs, secrets): <c>.orchestrator/</c> beside the AppHost unless configured.</summary>
    public string StateDirectory { get; } = stateDirectory;

    /// <summary>Generated passwords and keys, kept with 0600 permissions.</summary>
    public ISecretStore Secrets { get; } = secrets;

    /// <summary>The OTLP exporter settings every resource receives, or null when none is configured.</summary>
    public OtlpSettings? Otlp { get; } = otlp;

    /// <summary>All allocated endpoints, by resource, endpoint name and replica.</summary>
    public IReadOnlyDictionary<(string Resource, string Endpoint, int Replica), AllocatedEndpoint> Endpoints { get; } = endpoints;

    /// <summary>The data directory of one resource: <c>{state}/data/{name}</c>.</summary>
    public string GetDataDirectory(IResource resource) => Path.Combine(StateDirectory, "data", resource.Name);

    /// <summary>The log directory of all replicas: <c>{state}/logs</c>.</summary>
    public string LogDirectory => Path.Combine(StateDirectory, "logs");

    /// <summary>One replica's endpoint.</summary>
    /// <exception cref="InvalidOperationException">The resource has no such endpoint.</exception>
    public AllocatedEndpoint GetEndpoint(IResource resource, string endpointName, int replica) =>
        Endpoints.TryGetValue((resource.Name, endpointName, replica), out var endpoint)
            ? endpoint
            : throw new InvalidOperationException(
                $"Resource '{resource.Name}' has no endpoint '{endpointName}' for replica {replica}.");

    /// <summary>Every endpoint of one replica, in declaration order.</summary>
    public IReadOnlyList<AllocatedEndpoint> GetEndpoints(IResource resource, int replica) =>
        resource.GetEndpoints()
            .Select(e => Endpoints.TryGetValue((resource.Name, e.Name, replica), out var a) ? a : null)
            .OfType<AllocatedEndpoint>()
            .ToList();
}
