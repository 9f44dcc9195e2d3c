using Orchestrator.Hosting.Redis;

namespace Orchestrator.Hosting.ApplicationModel;

/// <summary>A Redis server run natively from Debian's packages, with append-only persistence.</summary>
public sealed class RedisResource(string name, string? password)
    : Resource(name), IResourceWithEndpoints, IResourceWithEnvironment, IResourceWithConnectionString
{
    /// <summary>The name of the endpoint the server listens on.</summary>
    public const string PrimaryEndpointName = "tcp";

    /// <summary>A password the AppHost fixed, or null for a generated one kept in the secret store.</summary>
    public string? Password { get; } = password;

    /// <summary>The name under which a generated password is kept in the secret store.</summary>
    public string PasswordSecretName => $"{Name}-password";

    /// <inheritdoc />
    public string GetConnectionString(ResourceRuntimeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.GetEndpoint(this, PrimaryEndpointName, replica: 0);
        var password = Password ?? context.Secrets.GetOrCreate(PasswordSecretName);
        return new RespConnectionString(endpoint.Host, endpoint.Port, password).Format();
    }
}
