using Orchestrator.Hosting.Secrets;

namespace Orchestrator.Api.Tests.Monitoring;

/// <summary>A secret store for models without secrets: asking it for one is a bug in the test.</summary>
internal sealed class NoSecrets : ISecretStore
{
    public string GetOrCreate(string name) => throw new NotSupportedException("This test needs no secrets.");

    public string GetPath(string name) => throw new NotSupportedException("This test needs no secrets.");
}
