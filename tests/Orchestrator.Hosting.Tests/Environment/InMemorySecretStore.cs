using Orchestrator.Hosting.Secrets;

namespace Orchestrator.Hosting.Tests.EnvironmentVariables;

/// <summary>Secrets in a dictionary; a generated one is <c>generated-{name}</c>, so tests can predict it.</summary>
internal sealed class InMemorySecretStore : ISecretStore
{
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);

    public string GetOrCreate(string name)
    {
        if (!_secrets.TryGetValue(name, out var secret))
        {
            secret = $"generated-{name}";
            _secrets.Add(name, secret);
        }

        return secret;
    }

    public string GetPath(string name) => $"/secrets/{name}";
}
