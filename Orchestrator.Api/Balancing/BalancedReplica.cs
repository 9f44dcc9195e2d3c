namespace Orchestrator.Api.Balancing;

/// <summary>
/// An eligible replica as the strategies see it. It holds its answer for each strategy ready-made,
/// so that a pick allocates nothing.
/// </summary>
internal sealed class BalancedReplica
{
    private readonly BalancingResult[] _results;

    public BalancedReplica(string resource, string replica, Uri url, int weight)
    {
        Name = replica;
        Url = url;
        Weight = weight;
        // Connections are only visible for the host's own sockets; a remote replica's would be someone else's port.
        Port = url.IsLoopback && url.Port > 0 ? url.Port : null;
        HashSeed = ReplicaHash.OfName(replica);
        _results = Enum.GetValues<BalancingStrategy>()
            .Select(s => new BalancingResult(BalancingStatus.Picked, new BalancedEndpoint(resource, replica, url, s), Reason: null))
            .ToArray();
    }

    public string Name { get; }

    public Uri Url { get; }

    /// <summary>At least 1.</summary>
    public int Weight { get; }

    /// <summary>The local port whose connections count, or null for a replica on another host.</summary>
    public int? Port { get; }

    /// <summary>The replica's fixed point for rendezvous hashing, from its name alone.</summary>
    public ulong HashSeed { get; }

    public BalancingResult GetResult(BalancingStrategy strategy) => _results[(int)strategy];

    public int GetConnections(IConnectionCounter connections) => Port is { } port ? connections.GetEstablishedConnections(port) : 0;
}
