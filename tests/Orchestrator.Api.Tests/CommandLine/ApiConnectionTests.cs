using Orchestrator.Api.CommandLine;

namespace Orchestrator.Api.Tests.CommandLine;

public sealed class ApiConnectionTests : IDisposable
{
    private readonly DirectoryInfo _secrets = Directory.CreateTempSubdirectory("cli-secrets-");

    [Fact]
    public void The_url_option_wins_over_the_environment()
    {
        var connection = Resolve(url: "http://127.0.0.1:7001", environment: new() { ["ORCHESTRATOR_API_URL"] = "http://127.0.0.1:7002" });

        Assert.Equal(new Uri("http://127.0.0.1:7001/"), connection.BaseAddress);
    }

    [Fact]
    public void The_url_variable_is_used_without_the_option_and_keeps_its_path()
    {
        var connection = Resolve(environment: new() { ["ORCHESTRATOR_API_URL"] = "http://10.0.0.5:7002/orchestrator", ["ORCHESTRATOR_API_PORT"] = "7003" });

        Assert.Equal(new Uri("http://10.0.0.5:7002/orchestrator/"), connection.BaseAddress);
    }

    [Fact]
    public void Without_a_url_the_port_variable_picks_the_loopback_port()
    {
        Assert.Equal(new Uri("http://127.0.0.1:7004/"), Resolve(environment: new() { ["ORCHESTRATOR_API_PORT"] = "7004" }).BaseAddress);
        Assert.Equal(new Uri("http://127.0.0.1:9000/"), Resolve().BaseAddress);
    }

    [Fact]
    public void The_port_variable_wins_over_the_apphost_configured_port_which_wins_over_9000()
    {
        Assert.Equal(7005, ApiConnection.Resolve(null, null, name => name == "ORCHESTRATOR_API_PORT" ? "7005" : null, null, configuredPort: 7006).BaseAddress.Port);
        Assert.Equal(7006, ApiConnection.Resolve(null, null, _ => null, null, configuredPort: 7006).BaseAddress.Port);
        Assert.Equal(9000, ApiConnection.Resolve(null, null, _ => null, null, configuredPort: 0).BaseAddress.Port);
    }

    [Fact]
    public void The_url_a_running_apphost_wrote_wins_over_the_configured_port_but_not_over_the_variables()
    {
        var file = Path.Combine(_secrets.FullName, "api-url");
        File.WriteAllText(file, "http://127.0.0.1:41234/\n");

        Assert.Equal(41234, ApiConnection.Resolve(null, null, _ => null, null, configuredPort: 7006, apiUrlFile: file).BaseAddress.Port);
        Assert.Equal(7005, ApiConnection.Resolve(null, null, name => name == "ORCHESTRATOR_API_PORT" ? "7005" : null, null, apiUrlFile: file).BaseAddress.Port);
        Assert.Equal(9000, ApiConnection.Resolve(null, null, _ => null, null, apiUrlFile: file + ".missing").BaseAddress.Port);
    }

    [Theory]
    [InlineData("ORCHESTRATOR_API_URL", "not a url")]
    [InlineData("ORCHESTRATOR_API_URL", "ftp://127.0.0.1/")]
    [InlineData("ORCHESTRATOR_API_PORT", "70000")]
    [InlineData("ORCHESTRATOR_API_PORT", "nine")]
    public void A_malformed_url_or_port_is_a_usage_error_that_names_its_source(string variable, string value)
    {
        var ex = Assert.Throws<CommandLineException>(() => Resolve(environment: new() { [variable] = value }));

        Assert.Equal(CliExitCodes.Usage, ex.ExitCode);
        Assert.Contains(variable, ex.Message);
    }

    [Fact]
    public void The_key_comes_from_the_option_then_the_variable_then_the_operator_key_file()
    {
        File.WriteAllText(Path.Combine(_secrets.FullName, "api-operator-key"), "from-file\n");
        var environment = new Dictionary<string, string> { ["ORCHESTRATOR_API_KEY"] = "from-env" };

        Assert.Equal("from-option", Resolve(apiKey: "from-option", environment: environment).ApiKey);
        Assert.Equal("from-env", Resolve(environment: environment).ApiKey);
        Assert.Equal("from-file", Resolve().ApiKey);
    }

    [Fact]
    public void Without_a_key_anywhere_the_key_is_null()
    {
        Assert.Null(Resolve().ApiKey);
    }

    [Fact]
    public void The_key_stays_out_of_the_connection_text()
    {
        var connection = Resolve(apiKey: "s3cret-key");

        Assert.DoesNotContain("s3cret-key", connection.ToString());
    }

    public void Dispose() => _secrets.Delete(recursive: true);

    private ApiConnection Resolve(string? url = null, string? apiKey = null, Dictionary<string, string>? environment = null) =>
        ApiConnection.Resolve(url, apiKey, name => environment is not null && environment.TryGetValue(name, out var v) ? v : null, _secrets.FullName);
}
