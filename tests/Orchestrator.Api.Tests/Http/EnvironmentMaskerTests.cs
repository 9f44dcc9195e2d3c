using Orchestrator.Api.Http;

namespace Orchestrator.Api.Tests.Http;

public sealed class EnvironmentMaskerTests
{
    [Theory]
    [InlineData("DB_PASSWORD", "hunter2")]
    [InlineData("ORCHESTRATOR_API_KEY", "abc")]
    [InlineData("GITHUB_TOKEN", "abc")]
    [InlineData("client_secret", "abc")]
    [InlineData("ConnectionStrings__db", "Host=127.0.0.1;Port=5432;Username=postgres;Password=s3cret")]
    [InlineData("ConnectionStrings__cache", "127.0.0.1:6379,password=s3cret")]
    [InlineData("UPSTREAM", "redis://user:s3cret@127.0.0.1:6379")]
    public void Secrets_are_masked(string name, string value)
    {
        var entry = EnvironmentMasker.Mask([new(name, value)]).Single();

        Assert.Equal((name, "********", true), (entry.Name, entry.Value, entry.Secret));
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:5000")]
    [InlineData("services__web__http__0", "http://127.0.0.1:5001")]
    [InlineData("OTEL_SERVICE_NAME", "web")]
    public void Everything_else_is_shown(string name, string value)
    {
        var entry = EnvironmentMasker.Mask([new(name, value)]).Single();

        Assert.Equal((value, false), (entry.Value, entry.Secret));
    }
}
