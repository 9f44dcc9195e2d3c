namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>An endpoint of one replica once its port is known.</summary>
public sealed record AllocatedEndpoint(string Name, string Scheme, string Host, int Port)
{
    /// <summary>The endpoint as a URL: <c>http://127.0.0.1:5123</c>.</summary>
    public string Url => $"{Scheme}://{Host}:{Port}";
}
