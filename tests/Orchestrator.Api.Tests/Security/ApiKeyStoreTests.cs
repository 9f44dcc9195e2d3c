using Microsoft.Extensions.Configuration;
using Orchestrator.Api.Http;
using Orchestrator.Api.Security;
using Orchestrator.Hosting.Secrets;

namespace Orchestrator.Api.Tests.Security;

public sealed class ApiKeyStoreTests : IDisposable
{
    private readonly string _secrets = Path.Combine(Directory.CreateTempSubdirectory("api-keys-").FullName, "secrets");

    [Fact]
    public void Generates_both_keys_at_first_start_into_files_only_the_owner_can_read()
    {
        var keys = ApiKeyStore.Load(new OrchestratorApiOptions(), new FileSecretStore(_secrets));

        foreach (var (name, key) in new[] { ("api-operator-key", keys.OperatorKey), ("api-viewer-key", keys.ViewerKey) })
        {
            var path = Path.Combine(_secrets, name);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(key, File.ReadAllText(path));
            Assert.True(key.Length >= 32);
        }

        Assert.NotEqual(keys.OperatorKey, keys.ViewerKey);
        Assert.Equal(Path.Combine(_secrets, "api-*-key"), keys.Location);
    }

    [Fact]
    public void Reuses_the_generated_keys_on_later_starts()
    {
        var first = ApiKeyStore.Load(new OrchestratorApiOptions(), new FileSecretStore(_secrets));

        var second = ApiKeyStore.Load(new OrchestratorApiOptions(), new FileSecretStore(_secrets));

        Assert.Equal((first.OperatorKey, first.ViewerKey), (second.OperatorKey, second.ViewerKey));
    }

    [Fact]
    public void The_environment_overrides_configuration_and_nothing_is_generated_for_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orchestrator:Api:OperatorKey"] = "from-configuration",
            ["ORCHESTRATOR_API_KEY"] = "operator-from-environment",
            ["ORCHESTRATOR_VIEWER_KEY"] = "viewer-from-environment",
        }).Build();

        var keys = ApiKeyStore.Load(OrchestratorApiOptionsReader.Read(configuration), new FileSecretStore(_secrets));

        Assert.Equal(("operator-from-environment", "viewer-from-environment", "configuration"), (keys.OperatorKey, keys.ViewerKey, keys.Location));
        Assert.False(Directory.Exists(_secrets));
    }

    [Fact]
    public void A_configured_key_and_a_generated_one_go_together()
    {
        var keys = ApiKeyStore.Load(new OrchestratorApiOptions { OperatorKey = "configured-operator" }, new FileSecretStore(_secrets));

        Assert.Equal("configured-operator", keys.OperatorKey);
        Assert.Equal(File.ReadAllText(Path.Combine(_secrets, "api-viewer-key")), keys.ViewerKey);
        Assert.False(File.Exists(Path.Combine(_secrets, "api-operator-key")));
    }

    [Fact]
    public void The_same_key_for_both_roles_is_refused()
    {
        var options = new OrchestratorApiOptions { OperatorKey = "same", ViewerKey = "same" };

        var error = Assert.Throws<InvalidOperationException>(() => ApiKeyStore.Load(options, new FileSecretStore(_secrets)));

        Assert.Contains("different", error.Message);
    }

    [Fact]
    public void The_keys_never_appear_in_their_text()
    {
        var keys = new ApiKeys("operator-secret", "viewer-secret", "somewhere");

        Assert.DoesNotContain("secret", keys.ToString());
        Assert.DoesNotContain("operator-secret", new OrchestratorApiOptions { OperatorKey = "operator-secret" }.ToString());
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_secrets)!, recursive: true);
}
