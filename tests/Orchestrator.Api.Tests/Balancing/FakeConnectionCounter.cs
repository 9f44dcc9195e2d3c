using Orchestrator.Api.Balancing;

namespace Orchestrator.Api.Tests.Balancing;

/// <summary>Connection counts a test sets by port.</summary>
internal sealed class FakeConnectionCounter : IConnectionCounter
{
    public Dictionary<int, int> Counts { get; } = [];

    public int GetEstablishedConnections(int port) => Counts.GetValueOrDefault(port);
}
