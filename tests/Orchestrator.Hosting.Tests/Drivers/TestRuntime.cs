using System.Net;
using System.Net.Sockets;
using Orchestrator.Hosting.ApplicationModel;
using Orchestrator.Hosting.Secrets;

namespace Orchestrator.Hosting.Tests.Drivers;

/// <summary>Builds the launch-time context a driver receives, with state in a temporary directory.</summary>
internal static class TestRuntime
{
    /// <summary>A fresh state directory that unprivileged server accounts can traverse (temp directories are 0700).</summary>
    public static string CreateStateDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("orchestrator-test-").FullName;
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        return directory;
    }

    public static ResourceRuntimeContext Create(string stateDirectory, params (IResource Resource, string Endpoint, int Replica, int Port)[] endpoints) =>
        new(
            stateDirectory,
            new FileSecretStore(Path.Combine(stateDirectory, "secrets")),
            endpoints.ToDictionary(
                e => (e.Resource.Name, e.Endpoint, e.Replica),
                e => new AllocatedEndpoint(e.Endpoint, e.Resource.GetEndpoints().Single(a => a.Name == e.Endpoint).Scheme, "127.0.0.1", e.Port)));

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
