using System.Net;
using System.Net.Sockets;

namespace Orchestrator.Hosting.Ports;

/// <summary>Asks the operating system for a free loopback port: binds port 0, reads the port it got, releases it.</summary>
public sealed class OsFreePortSource : IFreePortSource
{
    /// <inheritdoc />
    public int GetFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
