using Orchestrator.Hosting.ApplicationModel;

namespace Orchestrator.Hosting.Ports;

/// <summary>
/// Gives every endpoint of every replica its address before the launch: a fixed port as the model says,
/// any other a free port, never the same port twice and never a port another endpoint fixed.
/// </summary>
/// <param name="freePorts">Where free ports come from; the operating system when null.</param>
public sealed class EndpointAllocator(IFreePortSource? freePorts = null)
{
    /// <summary>The host every endpoint binds: loopback, since every resource runs on this machine.</summary>
    public const string Host = "127.0.0.1";

    // The OS may hand back a port it just gave us (we released it); a few retries get past that, and the
    // limit turns a source that keeps repeating itself into an error instead of a hang.
    private const int MaxAttemptsPerPort = 100;

    private readonly IFreePortSource _freePorts = freePorts ?? new OsFreePortSource();

    /// <summary>The address of every endpoint of every replica, keyed by resource name, endpoint name and replica index.</summary>
    /// <exception cref="InvalidOperationException">The free-port source kept answering with ports already in use.</exception>
    public IReadOnlyDictionary<(string Resource, string Endpoint, int Replica), AllocatedEndpoint> Allocate(DistributedApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        // Fixed ports are reserved up front, so a free port never lands on one declared later in the model.
        var taken = model.Resources
            .SelectMany(r => r.GetEndpoints())
            .Select(e => e.FixedPort)
            .OfType<int>()
            .ToHashSet();

        var allocated = new Dictionary<(string Resource, string Endpoint, int Replica), AllocatedEndpoint>();
        foreach (var resource in model.Resources)
        {
            var replicas = resource.GetReplicaCount();
            foreach (var endpoint in resource.GetEndpoints())
            {
                for (var replica = 0; replica < replicas; replica++)
                {
                    var port = endpoint.FixedPort ?? NextFreePort(taken, resource, endpoint);
                    allocated[(resource.Name, endpoint.Name, replica)] = new AllocatedEndpoint(endpoint.Name, endpoint.Scheme, Host, port);
                }
            }
        }

        return allocated;
    }

    private int NextFreePort(HashSet<int> taken, IResource resource, EndpointAnnotation endpoint)
    {
        for (var attempt = 0; attempt < MaxAttemptsPerPort; attempt++)
        {
            var port = _freePorts.GetFreePort();
            if (taken.Add(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException(
            $"No free port for endpoint '{endpoint.Name}' of resource '{resource.Name}' after {MaxAttemptsPerPort} attempts: " +
            "every port offered was already allocated or fixed. Free some ports or fix this endpoint's port.");
    }
}
