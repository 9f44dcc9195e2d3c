using Orchestrator.Api.Monitoring;
using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Tests.Monitoring;

/// <summary>Hands the monitor the probes a test set up for each replica; counts how often it was asked.</summary>
internal sealed class FakeProbeSource : IReplicaProbeSource
{
    private readonly Dictionary<string, ReplicaProbeSet> _sets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public void Set(string replicaName, ReplicaProbeSet probes)
    {
        lock (_gate)
        {
            _sets[replicaName] = probes;
        }
    }

    public ReplicaProbeSet GetProbes(ResourceSnapshot snapshot)
    {
        Interlocked.Increment(ref _requests);
        lock (_gate)
        {
            return _sets.TryGetValue(snapshot.ReplicaName, out var probes)
                ? probes
                : throw new InvalidOperationException($"The test set no probes for '{snapshot.ReplicaName}'.");
        }
    }
}
