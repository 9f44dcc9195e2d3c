namespace Orchestrator.Api.Balancing;

/// <summary>Counts established TCP connections to a local port (least-connections and power-of-two read it).</summary>
public interface IConnectionCounter
{
    /// <summary>How many established connections have <paramref name="port"/> as their local port.</summary>
    int GetEstablishedConnections(int port);
}
