using Orchestrator.Hosting.Ports;

namespace Orchestrator.Hosting.Tests.Ports;

/// <summary>Hands out the given ports in order, then counts upward from the last one.</summary>
internal sealed class ScriptedPortSource(params int[] ports) : IFreePortSource
{
    private readonly Queue<int> _ports = new(ports);
    private int _next = ports.Length == 0 ? 40000 : ports[^1] + 1;

    public int Calls { get; private set; }

    public int GetFreePort()
    {
        Calls++;
        return _ports.TryDequeue(out var port) ? port : _next++;
    }
}
